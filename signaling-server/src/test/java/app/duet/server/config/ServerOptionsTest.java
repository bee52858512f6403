package app.duet.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.duet.protocol.RegistrationMode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ServerOptionsTest {
    @Command
    static final class Cli {
        @Mixin
        ServerOptions options;
    }

    @TempDir
    Path dir;

    static ServerConfig parse(Map<String, String> env, String... args) throws IOException {
        Cli cli = new Cli();
        new CommandLine(cli).setDefaultValueProvider(ConfigDefaults.load(args, env)).parseArgs(args);
        return cli.options.toConfig();
    }

    @Test
    void defaultsAreSafe() throws IOException {
        ServerConfig c = parse(Map.of());
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8686);
        assertThat(c.opsHost()).isEqualTo("127.0.0.1");
        assertThat(c.dataDir()).isEqualTo(Path.of("data"));
        assertThat(c.databaseFile()).isEqualTo(Path.of("data", "duet.db"));
        assertThat(c.bcryptCost()).isEqualTo(ServerConfig.DEFAULT_BCRYPT_COST).isEqualTo(10);
        assertThat(c.tlsEnabled()).isFalse();
        assertThat(c.mail()).isEqualTo(MailSettings.NONE);
        assertThat(c.turnUrls()).isEmpty();
        assertThat(c.ringTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.callGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.callGraceAfterRestart()).as("clients back off up to 30 s, plus the grace")
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(parse(Map.of("DUET_CALL_GRACE_AFTER_RESTART_SECONDS", "90")).callGraceAfterRestart())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ServerConfig.builder().build().bcryptCost()).isEqualTo(10);
    }

    @Test
    void aRedisUrlMakesANodeOfSeveralFromFlagEnvironmentOrFile() throws IOException {
        ServerConfig single = parse(Map.of());
        assertThat(single.redisUrl()).isNull();
        assertThat(single.nodeId()).as("a lone node is its host").isEqualTo(InetAddress.getLocalHost().getHostName());
        ServerConfig node = parse(Map.of("DUET_REDIS_URL", "redis://10.0.0.5:6379"), "--node-id", "duet-1");
        assertThat(node.redisUrl()).isEqualTo("redis://10.0.0.5:6379");
        assertThat(node.nodeId()).isEqualTo("duet-1");
        assertThat(node.toString()).as("the URL may hold a password").doesNotContain("10.0.0.5");
        assertThat(parse(Map.of(), "--redis-url", "redis://127.0.0.1:6379").nodeId())
                .as("host name and process id").endsWith("-" + ProcessHandle.current().pid());
        Path file = dir.resolve("node.properties");
        Files.writeString(file, "redis-url=rediss://redis.example.org:6380\nnode-id=eu.2\n");
        assertThat(parse(Map.of(), "--config", file.toString()).nodeId()).isEqualTo("eu.2");
    }

    @Test
    void aBadRedisUrlOrNodeIdIsRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> parse(Map.of(), "--redis-url", "http://10.0.0.5:6379"))
                .hasMessageContaining("--redis-url must start with redis:// or rediss://");
        assertThatThrownBy(() -> parse(Map.of(), "--redis-url", "redis://10.0.0.5", "--node-id", "node 1"))
                .hasMessageContaining("--node-id must be 1-64 letters, digits");
    }

    @Test
    void unauthenticatedConnectionsHaveADeadlineFromFlagEnvironmentOrFile() throws IOException {
        assertThat(parse(Map.of()).authTimeout()).isEqualTo(Duration.ofSeconds(ServerConfig.DEFAULT_AUTH_TIMEOUT_SECONDS));
        assertThat(parse(Map.of(), "--auth-timeout-seconds", "20").authTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(parse(Map.of("DUET_AUTH_TIMEOUT_SECONDS", "40")).authTimeout()).isEqualTo(Duration.ofSeconds(40));
        Path file = dir.resolve("deadline.properties");
        Files.writeString(file, "auth-timeout-seconds=50\n");
        assertThat(parse(Map.of("DUET_CONFIG", file.toString())).authTimeout()).isEqualTo(Duration.ofSeconds(50));
        assertThatThrownBy(() -> parse(Map.of(), "--auth-timeout-seconds", "0"))
                .hasMessageContaining("--auth-timeout-seconds");
    }

    /** The template unit passes the instance as --node-id; a lone node without one is named for its host. */
    @Test
    void nodeIdIsTheHostNameUnlessGiven() throws IOException {
        assertThat(parse(Map.of()).nodeId()).isEqualTo(InetAddress.getLocalHost().getHostName());
        assertThat(parse(Map.of(), "--node-id", "node1").nodeId()).isEqualTo("node1");
        assertThat(parse(Map.of("DUET_NODE_ID", " node2 ")).nodeId()).isEqualTo("node2");
    }

    @Test
    void registrationIsOpenUnlessSetByFlagEnvironmentOrFile() throws IOException {
        assertThat(parse(Map.of()).registration()).isEqualTo(RegistrationMode.OPEN);
        assertThat(parse(Map.of(), "--registration", "invite").registration()).isEqualTo(RegistrationMode.INVITE);
        assertThat(parse(Map.of("DUET_REGISTRATION", "Closed")).registration()).isEqualTo(RegistrationMode.CLOSED);
        Path file = dir.resolve("registration.properties");
        Files.writeString(file, "registration=invite\n");
        assertThat(parse(Map.of("DUET_CONFIG", file.toString())).registration()).isEqualTo(RegistrationMode.INVITE);
        assertThatThrownBy(() -> parse(Map.of(), "--registration", "sometimes"))
                .hasMessageContaining("--registration").hasMessageContaining("not open, invite or closed");
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws IOException {
        Path file = dir.resolve("duet.properties");
        Files.writeString(file, "port=1111\nhost=0.0.0.0\nturn-secret=from-file\nturn-url=turn:a.example.org,turn:b.example.org\n"
                + "ring-timeout-seconds=20\n");
        Map<String, String> env = Map.of("DUET_PORT", "2222", "DUET_TURN_SECRET", "from-env", "DUET_CONFIG", file.toString());
        ServerConfig c = parse(env, "--port", "3333");
        assertThat(c.port()).isEqualTo(3333);
        assertThat(c.turnSecret()).isEqualTo("from-env");
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.turnUrls()).containsExactly("turn:a.example.org", "turn:b.example.org");
        assertThat(c.ringTimeout()).isEqualTo(Duration.ofSeconds(20));

        ServerConfig viaFlag = parse(Map.of(), "--config", file.toString(), "--data-dir", dir.toString());
        assertThat(viaFlag.port()).isEqualTo(1111);
        assertThat(viaFlag.databaseFile()).isEqualTo(dir.resolve("duet.db"));
    }

    @Test
    void trustedProxiesComeFromTheEnvironmentAsNormalisedAddresses() throws IOException {
        ServerConfig c = parse(Map.of("DUET_TRUSTED_PROXY", "127.0.0.1,::1"));
        assertThat(c.trustedProxies()).containsExactlyInAnyOrder("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(parse(Map.of()).trustedProxies()).isEmpty();
        assertThatThrownBy(() -> parse(Map.of(), "--trusted-proxy", "nginx.local")).hasMessageContaining("--trusted-proxy");
    }

    @Test
    void perAddressLimitsExemptThisMachineUnlessToldOtherwise() throws IOException {
        ServerConfig defaults = parse(Map.of());
        assertThat(defaults.limitExemptAddresses()).containsExactlyInAnyOrder("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(defaults.connectionsPerAddress()).isEqualTo(50);
        assertThat(defaults.signupsPerAddressPerHour()).isEqualTo(20);
        assertThat(parse(Map.of(), "--limit-exempt=").limitExemptAddresses()).isEmpty();
        assertThat(parse(Map.of("DUET_SIGNUPS_PER_ADDRESS", "5")).signupsPerAddressPerHour()).isEqualTo(5);
        assertThatThrownBy(() -> parse(Map.of(), "--connections-per-address", "0")).hasMessageContaining("at least 1");
    }

    @Test
    void unknownFileKeysAreReported() throws IOException {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "prot=1\n");
        ConfigDefaults defaults = ConfigDefaults.load(new String[] {"--config", file.toString()}, Map.of());
        assertThat(defaults.unknownKeys(Set.of("port"))).containsExactly("prot");
        assertThat(ConfigDefaults.envName("turn-secret")).isEqualTo("DUET_TURN_SECRET");
    }

    @Test
    void theSmtpRelayAndVerificationComeFromFlagsEnvironmentAndFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("duet.properties");
        Files.writeString(file, "smtp-host=mail.example.org\nsmtp-from=duet@example.org\nsmtp-password=from-file\n"
                + "verify-email=true\n");
        MailSettings fromFile = parse(Map.of(), "--config", file.toString()).mail();
        assertThat(fromFile).isEqualTo(new MailSettings("mail.example.org", 587, MailSettings.Security.STARTTLS, null,
                "from-file", "duet@example.org", true));
        assertThat(fromFile.toString()).doesNotContain("from-file");

        MailSettings fromEnv = parse(Map.of("DUET_SMTP_PASSWORD", "from-env", "DUET_SMTP_USERNAME", "duet"),
                "--smtp-host", "mail.example.org", "--smtp-from", "duet@example.org", "--smtp-tls", "--smtp-port", "465")
                .mail();
        assertThat(fromEnv).isEqualTo(new MailSettings("mail.example.org", 465, MailSettings.Security.TLS, "duet",
                "from-env", "duet@example.org", false));
        assertThat(parse(Map.of(), "--smtp-host", "localhost", "--smtp-from", "duet@localhost", "--smtp-starttls", "false")
                .mail().security()).isEqualTo(MailSettings.Security.NONE);
    }

    @Test
    void inconsistentSettingsAreRefused() {
        assertThatThrownBy(() -> parse(Map.of(), "--turn-url", "turn:x.example.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--turn-secret");
        assertThatThrownBy(() -> parse(Map.of(), "--smtp-host", "mail.example.org"))
                .hasMessageContaining("--smtp-from");
        assertThatThrownBy(() -> parse(Map.of(), "--verify-email")).hasMessageContaining("--verify-email needs")
                .hasMessageContaining("--smtp-host");
        assertThatThrownBy(() -> parse(Map.of(), "--bcrypt-cost", "3")).hasMessageContaining("bcrypt");
        assertThatThrownBy(() -> parse(Map.of(), "--call-grace-after-restart-seconds", "-1"))
                .hasMessageContaining("--call-grace-after-restart-seconds");
    }

    @Test
    void postgresIsChosenByADatabaseUrlWithThePasswordFromTheEnvironmentOrTheFile() throws IOException {
        assertThat(parse(Map.of()).postgres()).as("SQLite stays the default").isNull();

        ServerConfig fromEnv = parse(Map.of("DUET_DB_PASSWORD", "secret-1"), "--db-url", "jdbc:postgresql://db:5432/duet");
        assertThat(fromEnv.postgres()).isEqualTo(new PostgresDatabase("jdbc:postgresql://db:5432/duet", "duet", "secret-1"));
        assertThat(fromEnv.toString()).contains("jdbc:postgresql://db:5432/duet").doesNotContain("secret-1");

        Path file = dir.resolve("db.properties");
        Files.writeString(file, "db-url=jdbc:postgresql://db/duet\ndb-user=duet_app\ndb-password=secret-2\n");
        assertThat(parse(Map.of(), "--config", file.toString()).postgres())
                .isEqualTo(new PostgresDatabase("jdbc:postgresql://db/duet", "duet_app", "secret-2"));
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlIsRefusedWithWhatItMustBe() {
        assertThatThrownBy(() -> parse(Map.of(), "--db-url", "jdbc:mysql://db/duet"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://");
    }
}
