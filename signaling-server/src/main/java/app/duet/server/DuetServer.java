package app.duet.server;

import app.duet.protocol.CallState;
import app.duet.protocol.Protocol;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Result;
import app.duet.server.account.AccountSelfService;
import app.duet.server.auth.AdminResetCodeSender;
import app.duet.server.auth.AuthManager;
import app.duet.server.auth.EmailVerification;
import app.duet.server.auth.KnownPairs;
import app.duet.server.auth.LoginThrottle;
import app.duet.server.auth.PasswordHasher;
import app.duet.server.auth.PasswordResets;
import app.duet.server.auth.RateLimit;
import app.duet.server.auth.ResetCodeSender;
import app.duet.server.auth.Secrets;
import app.duet.server.auth.SessionLifetime;
import app.duet.server.auth.SmtpResetCodeSender;
import app.duet.server.auth.WindowCounter;
import app.duet.server.channels.AccountChangeClaims;
import app.duet.server.channels.CallHistoryService;
import app.duet.server.channels.CallTimeouts;
import app.duet.server.channels.ChannelAccess;
import app.duet.server.channels.ChannelRegistry;
import app.duet.server.channels.Relay;
import app.duet.server.channels.SharedCallUpkeep;
import app.duet.server.cluster.ClusterRelay;
import app.duet.server.cluster.Presence;
import app.duet.server.cluster.RedisAccountChangeClaims;
import app.duet.server.cluster.RedisKnownPairs;
import app.duet.server.cluster.RedisLink;
import app.duet.server.cluster.RedisState;
import app.duet.server.cluster.RedisWindowCounter;
import app.duet.server.config.PostgresDatabase;
import app.duet.server.config.ServerConfig;
import app.duet.server.mail.Mailer;
import app.duet.server.mail.SmtpMailer;
import app.duet.server.ops.Metrics;
import app.duet.server.ops.OpsHttpServer;
import app.duet.server.store.Accounts;
import app.duet.server.store.Sessions;
import app.duet.server.store.Stores;
import app.duet.server.transport.AccountChangeFollower;
import app.duet.server.transport.ConnectionRegistry;
import app.duet.server.transport.SignalingEndpoint;
import app.duet.server.transport.Tls;
import app.duet.server.turn.IceServersProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: wires stores, services, the WebSocket endpoint and the ops endpoint from a
 * {@link ServerConfig}. Also the embeddable entry point for other modules' tests:
 * {@code try (DuetServer s = DuetServer.start(config)) { ... s.uri() ... }}.
 */
public final class DuetServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DuetServer.class);
    public static final String VERSION = "0.1.0";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration HOUR = Duration.ofHours(1);
    /** How soon a running server applies an admin command's change to an account (ADR 0009). */
    private static final Duration ACCOUNT_CHANGES_POLL = Duration.ofSeconds(1);

    private final ServerConfig config;
    private final Stores stores;
    private final ServerThreads executors;
    private final PasswordResets resets;
    private final SignalingEndpoint endpoint;
    private final OpsHttpServer ops;
    /** The shared Redis when this node is one of several; null for a single node. */
    private final RedisLink redis;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    private DuetServer(ServerConfig config, Clock clock) throws IOException {
        this.config = config;
        SecureRandom random = new SecureRandom();
        // First: a Redis that cannot be reached stops the start before anything else is opened.
        redis = config.redisUrl() == null ? null : new RedisLink(config.redisUrl(), config.nodeId());
        Metrics metrics = new Metrics(config.nodeId(), VERSION);
        PostgresDatabase postgres = config.postgres();
        stores = postgres == null ? Stores.sqlite(config.databaseFile(), metrics.store())
                : Stores.postgres(postgres.url(), postgres.user(), postgres.password(), metrics.store());

        executors = new ServerThreads(config.workerThreads());
        ProtocolCodec codec = new ProtocolCodec();
        Set<String> exempt = Set.copyOf(config.limitExemptAddresses());
        ConnectionRegistry connections = new ConnectionRegistry(codec, config.connectionsPerAddress(), exempt);
        // One node: its own connections are the relay. Several: the cluster relay reaches the others through Redis.
        ClusterRelay cluster = redis == null ? null : clusterRelay(connections, codec, clock);
        Relay relay = cluster == null ? connections : cluster;
        // Limits shared by the nodes when there are several: N nodes must not allow N times the limit.
        WindowCounter.Factory counters = redis == null ? WindowCounter.inMemory(clock)
                : RedisWindowCounter.factory(redis, clock);
        KnownPairs knownPairs = redis == null ? KnownPairs.inMemory(clock)
                : new RedisKnownPairs(redis, LoginThrottle.KNOWN_ADDRESS_MEMORY);
        Sessions sessions = stores.sessions();
        Accounts accounts = stores.accounts();
        PasswordHasher hasher = new PasswordHasher(config.bcryptCost(), random);
        Secrets secrets = new Secrets(random);
        Mailer mailer = config.mail().enabled() ? new SmtpMailer(config.mail()) : null;
        EmailVerification verification = new EmailVerification(stores.emailVerifications(),
                config.mail().verifyEmail() ? mailer : null, secrets, clock, new RateLimit(
                        counters.counter("verify-resend", HOUR), EmailVerification.RESENDS_PER_HOUR, Set.of()));
        AuthManager auth = new AuthManager(accounts, sessions, hasher, secrets,
                new LoginThrottle(clock, config.loginFailureWindow(), config.loginFailuresPerAccount(),
                        config.loginFailuresPerAddress(), counters, knownPairs),
                new RateLimit(counters.counter("signup-address", HOUR), config.signupsPerAddressPerHour(), exempt),
                clock, new SessionLifetime(config.sessionTtl(), config.sessionMaxAge()), config.registration(),
                verification);
        resets = new PasswordResets(accounts, stores.resetCodes(), sessions, hasher, secrets, resetCodeSender(mailer),
                clock, config.resetCodeTtl(), new PasswordResets.RequestLimits(
                        new RateLimit(counters.counter("reset-address", HOUR), config.resetRequestsPerAddressPerHour(), exempt),
                        new RateLimit(counters.counter("reset-account", HOUR), config.resetRequestsPerAccountPerHour(),
                                Set.of())));
        ChannelRegistry channels = new ChannelRegistry(stores.channels(), stores.activeCalls(), stores.callHistory(),
                executors.storeWriter(), relay, executors.timers(), clock,
                new CallTimeouts(config.ringTimeout(), config.callGrace(), config.callGraceAfterRestart()),
                cluster == null ? null : new RedisState(redis, cluster), // several nodes: calls in Redis
                stores.privateChannels());
        if (cluster != null) {
            cluster.onChannelChanged(channels::channelChangedElsewhere);
        }
        channels.load();
        ChannelAccess access = new ChannelAccess(channels, stores.privateChannels(), stores.channelInvites(),
                stores.pendingJoins(), executors.workers(), secrets, clock);
        access.load();
        CallHistoryService history = new CallHistoryService(stores.callHistory(), channels, relay,
                executors.storeWriter(), executors.workers(), clock, config.historyRetention());
        AccountSelfService account = new AccountSelfService(accounts, stores.accountAdmin(), sessions, history,
                auth.currentPassword(), clock);
        AccountChangeFollower follower = new AccountChangeFollower(stores.accountChanges(), accounts, connections, channels,
                redis == null ? AccountChangeClaims.ONE_NODE : new RedisAccountChangeClaims(redis));
        IceServersProvider ice = new IceServersProvider(config.stunUrls(), config.turnUrls(), config.turnSecret(),
                config.turnCredentialTtl(), clock);

        metrics.gauge("duet_connections", "Open WebSocket connections.", connections::openCount);
        metrics.gauge("duet_channels", "Channels.", channels::channelCount);
        metrics.gauge("duet_calls_ringing", "Calls ringing.", () -> channels.callCount(CallState.RINGING));
        metrics.gauge("duet_calls_active", "Calls accepted and not yet ended.", () -> channels.callCount(CallState.ACTIVE));

        endpoint = new SignalingEndpoint(
                new SignalingEndpoint.Settings(new InetSocketAddress(config.host(), config.port()),
                        config.heartbeatSeconds(), config.authTimeout(), config.rateLimitPerSecond(),
                        config.rateLimitBurst(),
                        cluster == null ? 0 : Math.max(1, Runtime.getRuntime().availableProcessors()),
                        config.tlsEnabled() ? Tls.serverContext(config.tlsKeystore(), config.tlsKeystorePassword(),
                                config.tlsKeystoreType()) : null,
                        new Result.Hello(VERSION, Protocol.PROTOCOL_VERSION, config.heartbeatSeconds(), config.registration(),
                                verification.on() ? Boolean.TRUE : null),
                        Set.copyOf(config.trustedProxies()), config.outboundBufferBytes()),
                new SignalingEndpoint.Services(auth, resets, account, follower::poll, channels, access, history, ice,
                        executors.workers(), executors.timers(), metrics, clock),
                connections, codec);
        try {
            endpoint.start();
            ops = config.opsPort() < 0 ? null
                    : new OpsHttpServer(config.opsHost(), config.opsPort(), this::health, metrics);
        } catch (IOException | RuntimeException e) {
            endpoint.shutdown(Duration.ZERO, Duration.ZERO);
            executors.close();
            closeRedis();
            stores.close();
            throw e;
        }
        if (cluster != null) {
            executors.every(Presence.REFRESH_TICK, cluster.presence()::refresh);
            SharedCallUpkeep upkeep = channels.sharedUpkeep();
            executors.every(SharedCallUpkeep.TIMER_POLL, upkeep::fireDueTimers);
            executors.every(SharedCallUpkeep.ABANDONED_SWEEP, upkeep::sweepAbandonedCalls);
        }
        executors.probeEvery(Stores.PROBE_PERIOD, stores::probe); // what /healthz reports of the database
        executors.every(Duration.ofHours(1), () -> log.info("expired sessions removed: {}", auth.deleteExpiredSessions()));
        executors.every(ACCOUNT_CHANGES_POLL, follower::poll);
        executors.every(Duration.ofHours(1), () -> stores.accountChanges().deleteBefore(clock.instant().minus(HOUR)));
        executors.every(Duration.ofHours(1), () -> log.info("calls past the history retention removed: {}",
                history.purgeExpired()));
        log.info("Duet server {} listening on {} ({})", VERSION, uri(), config);
    }

    /** Starts a server; port 0 in the config picks a free port (see {@link #port()}). */
    public static DuetServer start(ServerConfig config) throws IOException {
        return new DuetServer(config, Clock.systemUTC());
    }

    /** With another clock for the time-based rules (session expiry and renewal, limits), for tests. */
    static DuetServer start(ServerConfig config, Clock clock) throws IOException {
        return new DuetServer(config, clock);
    }

    /** The bound WebSocket port. */
    public int port() {
        return endpoint.port();
    }

    /** The WebSocket endpoint, for tests that open connections to it in-process (the server's fuzz target). */
    public SignalingEndpoint endpoint() {
        return endpoint;
    }

    /** The bound /healthz and /metrics port, or -1 when turned off. */
    public int opsPort() {
        return ops == null ? -1 : ops.port();
    }

    /** ws://host:port/ (wss:// with TLS), for clients. */
    public URI uri() {
        return URI.create((config.tlsEnabled() ? "wss" : "ws") + "://" + config.host() + ":" + port() + "/");
    }

    /** Issues a password reset code, as the reset-code admin command does. */
    public String issueResetCode(String username) {
        return resets.issue(username);
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Sends server_shutdown to every client, closes connections, stops threads. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        log.info("shutting down");
        try {
            endpoint.shutdown(config.shutdownReconnectAfter(), CLOSE_TIMEOUT);
        } finally { // whatever closing the connections met, the threads, Redis and the database close too
            if (ops != null) {
                ops.close();
            }
            executors.close();
            closeRedis();
            stores.close();
            log.info("stopped");
            closed.countDown();
        }
    }

    private ClusterRelay clusterRelay(ConnectionRegistry connections, ProtocolCodec codec, Clock clock) {
        ClusterRelay cluster = new ClusterRelay(connections, redis, codec, clock);
        connections.listener(cluster.presence());
        return cluster;
    }

    /** What /healthz reports: the database, and Redis when the node is one of several. */
    private Map<String, String> health() {
        return redis == null ? Map.of("database", stores.health())
                : Map.of("database", stores.health(), "redis", redis.reachable() ? "ok" : "unreachable");
    }

    private void closeRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static ResetCodeSender resetCodeSender(Mailer mailer) {
        if (mailer == null) {
            log.info("SMTP is not configured: password reset codes are issued with the reset-code command");
            return new AdminResetCodeSender();
        }
        return new SmtpResetCodeSender(mailer);
    }
}
