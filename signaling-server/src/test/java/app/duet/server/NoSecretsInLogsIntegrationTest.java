package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Request;
import app.duet.protocol.Result;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Passwords, session tokens, reset codes and the TURN secret never reach the log. */
@ExtendWith(NoLeakedThreads.class)
class NoSecretsInLogsIntegrationTest {
    @TempDir
    Path dataDir;

    @Test
    void secretsStayOutOfTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String password = "Sup3r-Secret-Pa55";
        String newPassword = "An0ther-Secret-Pa55";
        String turnSecret = "turn-secret-4f8a1c";
        String token;
        String code;
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir)
                .turnUrls(List.of("turn:turn.example.org")).turnSecret(turnSecret).build());
                TestClient c = TestClient.hello(server)) {
            Result.Auth auth = c.ok(new Request.Signup(c.nextId(), "vic", "Vic", "vic@example.org", password));
            token = auth.session().token();
            c.ok(new Request.IceServers(c.nextId()));
            c.error(new Request.ChangePassword(c.nextId(), "wrong-" + password, newPassword), app.duet.protocol.ErrorCode.WRONG_CREDENTIALS);
            c.ok(new Request.Logout(c.nextId()));
            c.error(new Request.Login(c.nextId(), "vic", "wrong-" + password), app.duet.protocol.ErrorCode.WRONG_CREDENTIALS);
            c.ok(new Request.PasswordResetRequest(c.nextId(), "vic"));
            code = server.issueResetCode("vic");
            c.ok(new Request.PasswordResetConfirm(c.nextId(), "vic", code, newPassword));
        } finally {
            root.detachAppender(captured);
            root.setLevel(level);
        }
        String log = captured.list.stream().map(e -> e.getFormattedMessage() + " " + e.getThrowableProxy())
                .collect(Collectors.joining("\n"));
        assertThat(log).contains("vic").doesNotContain(password, newPassword, token, code, turnSecret);
    }
}
