package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Request;
import app.duet.server.admin.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The admin command works on the data directory of a running server. */
@ExtendWith(NoLeakedThreads.class)
class MainTest {
    @TempDir
    Path dataDir;

    @Test
    void resetCodeCommandPrintsACodeTheServerAccepts() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).build())) {
            try (TestClient c = TestClient.hello(server)) {
                c.ok(new Request.Signup(c.nextId(), "tom", "Tom", "tom@example.org", "password-t"));
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new String[] {"reset-code", "--data-dir", dataDir.toString(), "tom"},
                    new PrintWriter(out), new PrintWriter(err));
            assertThat(exit).as(err.toString()).isZero();
            String code = out.toString().strip();
            assertThat(code).matches("\\d{8}");
            try (TestClient c = TestClient.hello(server)) {
                c.ok(new Request.PasswordResetConfirm(c.nextId(), "tom", code, "new password"));
                c.ok(new Request.Login(c.nextId(), "tom", "new password"));
            }
            StringWriter err2 = new StringWriter();
            assertThat(Main.run(new String[] {"reset-code", "--data-dir", dataDir.toString(), "nobody"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err2))).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(err2.toString()).contains("no account");
        }
    }

    @Test
    void badConfigurationExitsWithAnError() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"--port", "not-a-number"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }

    @Test
    void theSmtpPasswordIsRefusedOnTheCommandLine() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"--smtp-host", "mail.example.org", "--smtp-from", "duet@example.org",
                "--smtp-password", "hunter2-on-cli"}, new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("DUET_SMTP_PASSWORD", "not on the command line").doesNotContain("hunter2-on-cli");
    }
}
