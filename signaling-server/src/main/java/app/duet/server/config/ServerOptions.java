package app.duet.server.config;

import app.duet.protocol.RegistrationMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The server's command-line options; each can also come from DUET_* or the config file (see ConfigDefaults). */
public final class ServerOptions {
    @Mixin
    StorageOptions storage;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    MailOptions mail;

    @Option(names = "--host", defaultValue = ServerConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
            description = "Address to listen on; 0.0.0.0 for all interfaces (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8686", description = "WebSocket port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--ops-host", defaultValue = ServerConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
            description = "Address of the /healthz and /metrics endpoint (default: ${DEFAULT-VALUE}).")
    String opsHost;

    @Option(names = "--ops-port", defaultValue = "8687",
            description = "Port of /healthz and /metrics; -1 turns it off (default: ${DEFAULT-VALUE}).")
    int opsPort;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "PKCS12 or JKS keystore with the certificate chain and key; turns on wss://.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password", paramLabel = "PASSWORD", description = "Password of the keystore (prefer DUET_TLS_KEYSTORE_PASSWORD).")
    String tlsKeystorePassword;

    @Option(names = "--tls-keystore-type", defaultValue = "PKCS12", description = "PKCS12 or JKS (default: ${DEFAULT-VALUE}).")
    String tlsKeystoreType;

    @Option(names = "--bcrypt-cost", defaultValue = "10", description = "bcrypt work factor, 4-31 (default: ${DEFAULT-VALUE}).")
    int bcryptCost;

    @Option(names = "--session-days", defaultValue = "30",
            description = "Days a login session lasts; using it in its last third renews it (default: ${DEFAULT-VALUE}).")
    long sessionDays;

    @Option(names = "--session-max-days", defaultValue = "90",
            description = "Renewals never keep a session past this many days after login (default: ${DEFAULT-VALUE}).")
    long sessionMaxDays;

    @Option(names = "--ring-timeout-seconds", defaultValue = "45", description = "Unanswered calls end after this (default: ${DEFAULT-VALUE}).")
    long ringTimeoutSeconds;

    @Option(names = "--call-grace-seconds", defaultValue = "30",
            description = "A disconnected member keeps their call this long (default: ${DEFAULT-VALUE}).")
    long callGraceSeconds;

    @Option(names = "--call-grace-after-restart-seconds", defaultValue = "60",
            description = "After a restart, calls in progress wait this long for both members to reconnect"
                    + " (default: ${DEFAULT-VALUE}).")
    long callGraceAfterRestartSeconds;

    @Option(names = "--heartbeat-seconds", defaultValue = "30",
            description = "Silent connections are closed after about this long (default: ${DEFAULT-VALUE}).")
    int heartbeatSeconds;

    @Option(names = "--auth-timeout-seconds", defaultValue = "" + ServerConfig.DEFAULT_AUTH_TIMEOUT_SECONDS,
            description = "Connections not authenticated this long after they open (or after logout) are closed"
                    + " (default: ${DEFAULT-VALUE}).")
    long authTimeoutSeconds;

    @Option(names = "--rate-limit", defaultValue = "20", description = "Messages per second per connection (default: ${DEFAULT-VALUE}).")
    double rateLimit;

    @Option(names = "--rate-burst", defaultValue = "60", description = "Burst of messages per connection (default: ${DEFAULT-VALUE}).")
    int rateBurst;

    @Option(names = "--login-failures-per-account", defaultValue = "10",
            description = "Failed logins per account per window before LOGIN_THROTTLED (default: ${DEFAULT-VALUE}).")
    int loginFailuresPerAccount;

    @Option(names = "--login-failures-per-address", defaultValue = "50",
            description = "Failed logins per IP address per window before LOGIN_THROTTLED (default: ${DEFAULT-VALUE}).")
    int loginFailuresPerAddress;

    @Option(names = "--login-window-minutes", defaultValue = "15", description = "Window of the login limits (default: ${DEFAULT-VALUE}).")
    long loginWindowMinutes;

    @Option(names = "--reset-code-minutes", defaultValue = "15", description = "How long a reset code works (default: ${DEFAULT-VALUE}).")
    long resetCodeMinutes;

    @Option(names = "--stun-url", split = ",", paramLabel = "URL", description = "STUN URL handed to clients, e.g. stun:turn.example.org:3478; repeatable.")
    List<String> stunUrls = new ArrayList<>();

    @Option(names = "--turn-url", split = ",", paramLabel = "URL",
            description = "TURN URL handed to clients, e.g. turn:turn.example.org:3478?transport=udp; repeatable.")
    List<String> turnUrls = new ArrayList<>();

    @Option(names = "--turn-secret", paramLabel = "SECRET", description = "coturn's static-auth-secret (prefer DUET_TURN_SECRET).")
    String turnSecret;

    @Option(names = "--turn-ttl-seconds", defaultValue = "86400", description = "Lifetime of TURN credentials (default: ${DEFAULT-VALUE}).")
    long turnTtlSeconds;

    @Option(names = "--worker-threads", defaultValue = "0",
            description = "Threads for bcrypt and database work; 0 = number of CPUs, at least 2 (default: ${DEFAULT-VALUE}).")
    int workerThreads;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "ADDRESS",
            description = "IP address of a reverse proxy whose X-Forwarded-For names the client (e.g. 127.0.0.1,::1); "
                    + "from other peers the header is ignored. Default: none.")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--limit-exempt", split = ",", defaultValue = ServerConfig.DEFAULT_LIMIT_EXEMPT, paramLabel = "ADDRESS",
            description = "Client addresses the connection, sign-up and reset-request limits do not apply to; "
                    + "empty for none (default: ${DEFAULT-VALUE}).")
    List<String> limitExempt;

    @Option(names = "--connections-per-address", defaultValue = "" + ServerConfig.DEFAULT_CONNECTIONS_PER_ADDRESS,
            description = "Open connections one client address may have (default: ${DEFAULT-VALUE}).")
    int connectionsPerAddress;

    @Option(names = "--signups-per-address", defaultValue = "" + ServerConfig.DEFAULT_SIGNUPS_PER_ADDRESS_PER_HOUR,
            description = "Sign-ups per client address per hour (default: ${DEFAULT-VALUE}).")
    int signupsPerAddress;

    @Option(names = "--reset-requests-per-address",
            defaultValue = "" + ServerConfig.DEFAULT_RESET_REQUESTS_PER_ADDRESS_PER_HOUR,
            description = "Password reset requests per client address per hour (default: ${DEFAULT-VALUE}).")
    int resetRequestsPerAddress;

    @Option(names = "--reset-requests-per-account",
            defaultValue = "" + ServerConfig.DEFAULT_RESET_REQUESTS_PER_ACCOUNT_PER_HOUR,
            description = "Password reset requests per account per hour (default: ${DEFAULT-VALUE}).")
    int resetRequestsPerAccount;

    @Option(names = "--outbound-buffer-bytes", defaultValue = "" + ServerConfig.DEFAULT_OUTBOUND_BUFFER_BYTES,
            description = "Bytes waiting for one client that does not read, before it is disconnected"
                    + " (default: ${DEFAULT-VALUE}).")
    int outboundBufferBytes;

    @Option(names = "--registration", defaultValue = "open", paramLabel = "MODE", converter = RegistrationModes.class,
            description = "Who may sign up: open (anyone), invite (with a token from 'invite create') or closed "
                    + "(only 'user add') (default: ${DEFAULT-VALUE}).")
    RegistrationMode registration;

    @Option(names = "--history-days", defaultValue = "" + ServerConfig.DEFAULT_HISTORY_DAYS,
            description = "Days calls stay in the call history; older ones are deleted hourly (default: ${DEFAULT-VALUE}).")
    long historyDays;

    public ServerConfig toConfig() {
        ServerConfig.Builder b = ServerConfig.builder()
                .host(host).port(port).dataDir(storage.dataDir()).databaseFile(storage.databaseFile())
                .postgres(storage.postgres())
                .opsHost(opsHost).opsPort(opsPort)
                .tlsKeystore(tlsKeystore).tlsKeystorePassword(tlsKeystorePassword).tlsKeystoreType(tlsKeystoreType)
                .bcryptCost(bcryptCost).sessionTtl(Duration.ofDays(sessionDays)).sessionMaxAge(Duration.ofDays(sessionMaxDays))
                .ringTimeout(Duration.ofSeconds(ringTimeoutSeconds)).callGrace(Duration.ofSeconds(callGraceSeconds))
                .callGraceAfterRestart(Duration.ofSeconds(callGraceAfterRestartSeconds))
                .heartbeatSeconds(heartbeatSeconds).authTimeout(Duration.ofSeconds(authTimeoutSeconds))
                .rateLimitPerSecond(rateLimit).rateLimitBurst(rateBurst)
                .loginFailuresPerAccount(loginFailuresPerAccount).loginFailuresPerAddress(loginFailuresPerAddress)
                .loginFailureWindow(Duration.ofMinutes(loginWindowMinutes)).resetCodeTtl(Duration.ofMinutes(resetCodeMinutes))
                .stunUrls(stunUrls).turnUrls(turnUrls).turnSecret(turnSecret).turnCredentialTtl(Duration.ofSeconds(turnTtlSeconds))
                .mail(mail.settings()).trustedProxies(trustedProxies)
                .limitExemptAddresses(limitExempt).connectionsPerAddress(connectionsPerAddress)
                .signupsPerAddressPerHour(signupsPerAddress).resetRequestsPerAddressPerHour(resetRequestsPerAddress)
                .resetRequestsPerAccountPerHour(resetRequestsPerAccount).outboundBufferBytes(outboundBufferBytes)
                .registration(registration)
                .historyRetention(Duration.ofDays(historyDays))
                .redisUrl(cluster.redisUrl()).nodeId(cluster.nodeId());
        if (workerThreads > 0) {
            b.workerThreads(workerThreads);
        }
        return b.build();
    }

    /** Reads {@code open}, {@code invite} or {@code closed}, in any case (flag, environment or file). */
    static final class RegistrationModes implements ITypeConverter<RegistrationMode> {
        @Override
        public RegistrationMode convert(String value) {
            try {
                return RegistrationMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not open, invite or closed");
            }
        }
    }
}
