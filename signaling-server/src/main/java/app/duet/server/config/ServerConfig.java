package app.duet.server.config;

import app.duet.protocol.Protocol;
import app.duet.protocol.RegistrationMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server can be told, with safe defaults: listen on loopback only, data under ./data,
 * no TLS, no TURN, no SMTP, no e-mail verification. Built by {@link ServerOptions} from file, environment and flags, or by tests
 * through {@link #builder()}.
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        Path databaseFile,
        /** Null: the SQLite {@code databaseFile}. */
        PostgresDatabase postgres,
        String opsHost,
        /** Port of the /healthz and /metrics HTTP endpoint; 0 picks a free one, -1 turns it off. */
        int opsPort,
        Path tlsKeystore,
        String tlsKeystorePassword,
        String tlsKeystoreType,
        int bcryptCost,
        Duration sessionTtl,
        Duration ringTimeout,
        Duration callGrace,
        /**
         * After a restart, calls read back from the store wait this long for both sides to resume: longer than
         * {@code callGrace}, since clients that lost the server retry with a backoff of up to 30 s.
         */
        Duration callGraceAfterRestart,
        int heartbeatSeconds,
        double rateLimitPerSecond,
        int rateLimitBurst,
        int loginFailuresPerAccount,
        int loginFailuresPerAddress,
        Duration loginFailureWindow,
        Duration resetCodeTtl,
        String turnSecret,
        List<String> turnUrls,
        List<String> stunUrls,
        Duration turnCredentialTtl,
        /** The SMTP relay and e-mail verification; {@link MailSettings#NONE} for neither. */
        MailSettings mail,
        Duration shutdownReconnectAfter,
        int workerThreads,
        /** IP addresses of reverse proxies whose X-Forwarded-For is believed; empty = none. */
        List<String> trustedProxies,
        /** Client addresses the per-address limits below do not apply to (the login throttle still does). */
        List<String> limitExemptAddresses,
        int connectionsPerAddress,
        int signupsPerAddressPerHour,
        int resetRequestsPerAddressPerHour,
        int resetRequestsPerAccountPerHour,
        /** Sessions are renewed on use up to this long after login; at least {@code sessionTtl}. */
        Duration sessionMaxAge,
        /** Bytes the server may hold for a connection that does not read; past this it is dropped (4008). */
        int outboundBufferBytes,
        /** A connection not authenticated this long after it opened or its session ended is closed (4002). */
        Duration authTimeout,
        RegistrationMode registration,

        /** Calls stay in the history this long after they ended; then the hourly purge deletes them. */
        Duration historyRetention,
        /** redis://host:port of the Redis shared by several nodes; null for one node (no Redis used at all). */
        String redisUrl,
        /** This node among its peers: its Redis inbox, and the node of duet_node_info on /metrics. */
        String nodeId) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8686;
    public static final int DEFAULT_OPS_PORT = 8687;
    /** About 100 ms per hash on a 2020s server core; measured in docs/admin-guide.md. */
    public static final int DEFAULT_BCRYPT_COST = 10;
    /** This machine: local tools, tests and load drivers are not capped by the per-address limits. */
    public static final String DEFAULT_LIMIT_EXEMPT = "127.0.0.1,::1";
    /**
     * A client that reads keeps this near zero; 1 MiB is about 250 offers or 5,000 candidates waiting, and
     * bounds what a stalled client can cost the server.
     */
    public static final int DEFAULT_OUTBOUND_BUFFER_BYTES = 1024 * 1024;
    /** A user with a few devices and reconnects in flight stays far below this. */
    public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 50;
    /** Room for a family or an office behind one NAT; a sign-up script gets 20 accounts an hour. */
    public static final int DEFAULT_SIGNUPS_PER_ADDRESS_PER_HOUR = 20;
    public static final int DEFAULT_RESET_REQUESTS_PER_ADDRESS_PER_HOUR = 10;
    /** With the 1-minute spacing between mails, an account gets at most this many reset mails an hour. */
    public static final int DEFAULT_RESET_REQUESTS_PER_ACCOUNT_PER_HOUR = 3;
    /**
     * Long enough to type a password on a login screen that connected first; short enough that connections
     * which never authenticate (from addresses without a connection cap, too) do not pile up.
     */
    public static final int DEFAULT_AUTH_TIMEOUT_SECONDS = 300;
    /** A quarter of a year: long enough to find "who called in the spring", short enough to hold little. */
    public static final int DEFAULT_HISTORY_DAYS = 90;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(registration, "registration");
        databaseFile = databaseFile != null ? databaseFile : dataDir.resolve("duet.db");
        turnUrls = List.copyOf(turnUrls);
        stunUrls = List.copyOf(stunUrls);
        trustedProxies = List.copyOf(IpLiterals.normalizeAll(trustedProxies, "--trusted-proxy"));
        limitExemptAddresses = List.copyOf(IpLiterals.normalizeAll(limitExemptAddresses, "--limit-exempt"));
        if (connectionsPerAddress < 1 || signupsPerAddressPerHour < 1 || resetRequestsPerAddressPerHour < 1
                || resetRequestsPerAccountPerHour < 1) {
            throw new IllegalArgumentException("per-address and per-account limits must be at least 1");
        }
        if (sessionTtl.isNegative() || sessionTtl.isZero() || sessionMaxAge.compareTo(sessionTtl) < 0) {
            throw new IllegalArgumentException("--session-days must be positive and at most --session-max-days");
        }
        if (outboundBufferBytes < Protocol.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("--outbound-buffer-bytes must be at least one frame ("
                    + Protocol.MAX_FRAME_BYTES + " bytes)");
        }
        if (authTimeout.isNegative() || authTimeout.isZero()) {
            throw new IllegalArgumentException("--auth-timeout-seconds must be positive");
        }
        if (historyRetention.isNegative() || historyRetention.isZero()) {
            throw new IllegalArgumentException("--history-days must be at least 1");
        }
        nodeId = NodeIds.resolve(nodeId, redisUrl != null);
        if (redisUrl != null && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
            throw new IllegalArgumentException("--redis-url must start with redis:// or rediss://");
        }
        if (callGraceAfterRestart.isNegative()) {
            throw new IllegalArgumentException("--call-grace-after-restart-seconds must be 0 or more (0 ends the calls"
                    + " in progress at a restart)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (opsPort < -1 || opsPort > 65535) {
            throw new IllegalArgumentException("ops port must be -1 (off) or 0-65535, was " + opsPort);
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4-31, was " + bcryptCost);
        }
        if (!turnUrls.isEmpty() && (turnSecret == null || turnSecret.isEmpty())) {
            throw new IllegalArgumentException("--turn-url needs --turn-secret (the coturn static-auth-secret)");
        }
        if (tlsKeystore != null && tlsKeystorePassword == null) {
            throw new IllegalArgumentException("--tls-keystore needs --tls-keystore-password");
        }
        Objects.requireNonNull(mail, "mail");
        if (rateLimitPerSecond <= 0 || rateLimitBurst < 1 || heartbeatSeconds < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("rate limit, burst, heartbeat and worker threads must be positive");
        }
    }

    public boolean tlsEnabled() {
        return tlsKeystore != null;
    }

    @Override
    public String toString() {
        // Secrets stay out of logs.
        return "ServerConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", databaseFile=" + databaseFile
                + ", postgres=" + postgres + ", opsPort=" + opsPort + ", tls=" + tlsEnabled() + ", bcryptCost=" + bcryptCost
                + ", ringTimeout=" + ringTimeout + ", callGrace=" + callGrace
                + ", callGraceAfterRestart=" + callGraceAfterRestart + ", turnUrls=" + turnUrls
                + ", stunUrls=" + stunUrls + ", trustedProxies=" + trustedProxies + ", limitExempt=" + limitExemptAddresses
                + ", authTimeout=" + authTimeout + ", registration=" + registration + ", historyRetention=" + historyRetention + ", redis=" + (redisUrl != null) + ", nodeId=" + nodeId + ", connectionsPerAddress=" + connectionsPerAddress + ", signupsPerAddressPerHour=" + signupsPerAddressPerHour
                + ", smtp=" + mail + "]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from the defaults; tests change what they need. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Path dataDir = Path.of("data");
        private Path databaseFile;
        private PostgresDatabase postgres;
        private String opsHost = DEFAULT_HOST;
        private int opsPort = DEFAULT_OPS_PORT;
        private Path tlsKeystore;
        private String tlsKeystorePassword;
        private String tlsKeystoreType = "PKCS12";
        private int bcryptCost = DEFAULT_BCRYPT_COST;
        private Duration sessionTtl = Duration.ofDays(30);
        private Duration sessionMaxAge = Duration.ofDays(90);
        private Duration ringTimeout = Duration.ofSeconds(45);
        private Duration callGrace = Duration.ofSeconds(30);
        private Duration callGraceAfterRestart = Duration.ofSeconds(60);
        private int heartbeatSeconds = 30;
        private double rateLimitPerSecond = 20;
        private int rateLimitBurst = 60;
        private int loginFailuresPerAccount = 10;
        private int loginFailuresPerAddress = 50;
        private Duration loginFailureWindow = Duration.ofMinutes(15);
        private Duration resetCodeTtl = Duration.ofMinutes(15);
        private String turnSecret;
        private List<String> turnUrls = List.of();
        private List<String> stunUrls = List.of();
        private Duration turnCredentialTtl = Duration.ofHours(24);
        private MailSettings mail = MailSettings.NONE;
        private Duration shutdownReconnectAfter = Duration.ofSeconds(2);
        private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private List<String> trustedProxies = List.of();
        private List<String> limitExemptAddresses = List.of(DEFAULT_LIMIT_EXEMPT.split(","));
        private int connectionsPerAddress = DEFAULT_CONNECTIONS_PER_ADDRESS;
        private int signupsPerAddressPerHour = DEFAULT_SIGNUPS_PER_ADDRESS_PER_HOUR;
        private int resetRequestsPerAddressPerHour = DEFAULT_RESET_REQUESTS_PER_ADDRESS_PER_HOUR;
        private int resetRequestsPerAccountPerHour = DEFAULT_RESET_REQUESTS_PER_ACCOUNT_PER_HOUR;
        private int outboundBufferBytes = DEFAULT_OUTBOUND_BUFFER_BYTES;
        private Duration authTimeout = Duration.ofSeconds(DEFAULT_AUTH_TIMEOUT_SECONDS);
        private RegistrationMode registration = RegistrationMode.OPEN;
        private Duration historyRetention = Duration.ofDays(DEFAULT_HISTORY_DAYS);
        private String redisUrl;
        private String nodeId;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder databaseFile(Path v) { databaseFile = v; return this; }
        public Builder postgres(PostgresDatabase v) { postgres = v; return this; }
        public Builder opsHost(String v) { opsHost = v; return this; }
        public Builder opsPort(int v) { opsPort = v; return this; }
        public Builder tlsKeystore(Path v) { tlsKeystore = v; return this; }
        public Builder tlsKeystorePassword(String v) { tlsKeystorePassword = v; return this; }
        public Builder tlsKeystoreType(String v) { tlsKeystoreType = v; return this; }
        public Builder bcryptCost(int v) { bcryptCost = v; return this; }
        public Builder sessionTtl(Duration v) { sessionTtl = v; return this; }
        public Builder sessionMaxAge(Duration v) { sessionMaxAge = v; return this; }
        public Builder ringTimeout(Duration v) { ringTimeout = v; return this; }
        public Builder callGrace(Duration v) { callGrace = v; return this; }
        public Builder callGraceAfterRestart(Duration v) { callGraceAfterRestart = v; return this; }
        public Builder heartbeatSeconds(int v) { heartbeatSeconds = v; return this; }
        public Builder rateLimitPerSecond(double v) { rateLimitPerSecond = v; return this; }
        public Builder rateLimitBurst(int v) { rateLimitBurst = v; return this; }
        public Builder loginFailuresPerAccount(int v) { loginFailuresPerAccount = v; return this; }
        public Builder loginFailuresPerAddress(int v) { loginFailuresPerAddress = v; return this; }
        public Builder loginFailureWindow(Duration v) { loginFailureWindow = v; return this; }
        public Builder resetCodeTtl(Duration v) { resetCodeTtl = v; return this; }
        public Builder turnSecret(String v) { turnSecret = v; return this; }
        public Builder turnUrls(List<String> v) { turnUrls = v; return this; }
        public Builder stunUrls(List<String> v) { stunUrls = v; return this; }
        public Builder turnCredentialTtl(Duration v) { turnCredentialTtl = v; return this; }
        public Builder mail(MailSettings v) { mail = v; return this; }
        public Builder shutdownReconnectAfter(Duration v) { shutdownReconnectAfter = v; return this; }
        public Builder workerThreads(int v) { workerThreads = v; return this; }
        public Builder trustedProxies(List<String> v) { trustedProxies = v; return this; }
        public Builder limitExemptAddresses(List<String> v) { limitExemptAddresses = v; return this; }
        public Builder connectionsPerAddress(int v) { connectionsPerAddress = v; return this; }
        public Builder signupsPerAddressPerHour(int v) { signupsPerAddressPerHour = v; return this; }
        public Builder resetRequestsPerAddressPerHour(int v) { resetRequestsPerAddressPerHour = v; return this; }
        public Builder resetRequestsPerAccountPerHour(int v) { resetRequestsPerAccountPerHour = v; return this; }
        public Builder outboundBufferBytes(int v) { outboundBufferBytes = v; return this; }
        public Builder authTimeout(Duration v) { authTimeout = v; return this; }
        public Builder registration(RegistrationMode v) { registration = v; return this; }
        public Builder historyRetention(Duration v) { historyRetention = v; return this; }
        public Builder redisUrl(String v) { redisUrl = v; return this; }
        public Builder nodeId(String v) { nodeId = v; return this; }

        public ServerConfig build() {
            return new ServerConfig(host, port, dataDir, databaseFile, postgres, opsHost, opsPort, tlsKeystore, tlsKeystorePassword,
                    tlsKeystoreType, bcryptCost, sessionTtl, ringTimeout, callGrace, callGraceAfterRestart, heartbeatSeconds,
                    rateLimitPerSecond, rateLimitBurst, loginFailuresPerAccount, loginFailuresPerAddress, loginFailureWindow,
                    resetCodeTtl,
                    turnSecret, turnUrls, stunUrls, turnCredentialTtl, mail, shutdownReconnectAfter, workerThreads, trustedProxies,
                    limitExemptAddresses, connectionsPerAddress, signupsPerAddressPerHour, resetRequestsPerAddressPerHour,
                    resetRequestsPerAccountPerHour, sessionMaxAge, outboundBufferBytes, authTimeout,
                    registration, historyRetention, redisUrl, nodeId);
        }
    }
}
