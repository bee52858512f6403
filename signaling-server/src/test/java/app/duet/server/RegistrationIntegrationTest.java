package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Protocol;
import app.duet.protocol.RegistrationMode;
import app.duet.protocol.Request;
import app.duet.server.AdminCli.Run;
import app.duet.server.admin.ExitCodes;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** --registration invite and closed, with the invite and user commands against the running server's database. */
@ExtendWith(NoLeakedThreads.class)
class RegistrationIntegrationTest {
    @TempDir
    Path dataDir;

    @Test
    void inviteModeNeedsAValidInviteAndCountsItsUses() throws Exception {
        ManualClock clock = new ManualClock();
        clock.advance(Duration.between(clock.instant(), Instant.now())); // the commands use the real time
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir)
                .registration(RegistrationMode.INVITE).build(), clock);
                TestClient c = TestClient.hello(server)) {
            AdminCli cli = new AdminCli(dataDir);
            c.error(signup(c, "ann", null), ErrorCode.INVITE_REQUIRED);
            c.error(signup(c, "ann", "inv_made-up"), ErrorCode.INVITE_INVALID);
            c.error(signup(c, "ann", "x".repeat(Protocol.MAX_TOKEN_LENGTH + 1)), ErrorCode.INVALID_FIELD);

            Run created = cli.run("invite", "create", "--uses", "2", "--json");
            assertThat(created.exit()).as(created.err()).isZero();
            String token = created.json().get("token").getAsString();
            String id = created.json().get("id").getAsString();
            c.ok(signup(c, "ann", token));
            try (TestClient d = TestClient.hello(server)) {
                // A sign-up refused for another reason leaves the use to the next person.
                d.error(signup(d, "ann", token), ErrorCode.USERNAME_TAKEN);
                d.ok(signup(d, "bob", token));
            }
            try (TestClient e = TestClient.hello(server)) {
                e.error(signup(e, "cyd", token), ErrorCode.INVITE_INVALID);
                JsonObject listed = cli.run("invite", "list", "--json").json().getAsJsonArray("invites").get(0).getAsJsonObject();
                assertThat(listed.get("id").getAsString()).isEqualTo(id);
                assertThat(listed.get("state").getAsString()).isEqualTo("used_up");
                assertThat(listed.get("uses").getAsInt()).isEqualTo(2);
                assertThat(listed.toString()).doesNotContain(token);

                JsonObject toRevoke = cli.run("invite", "create", "--json").json();
                Run revoke = cli.run("invite", "revoke", toRevoke.get("id").getAsString(), "--json");
                assertThat(revoke.exit()).as(revoke.err()).isZero();
                assertThat(revoke.json().get("state").getAsString()).isEqualTo("revoked");
                e.error(signup(e, "cyd", toRevoke.get("token").getAsString()), ErrorCode.INVITE_INVALID);

                String expiring = cli.run("invite", "create", "--days", "1", "--json").json().get("token").getAsString();
                clock.advance(Duration.ofDays(1).plusMinutes(1));
                e.error(signup(e, "cyd", expiring), ErrorCode.INVITE_INVALID);
            }
            assertThat(cli.run("invite", "revoke", "nosuchid").exit()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(cli.run("invite", "create", "--uses", "0").exit()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(cli.run("invite", "create", "--days", "x").exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        }
    }

    @Test
    void closedModeRefusesSignUpsAndTheAdminAddsUsers() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir)
                .registration(RegistrationMode.CLOSED).build());
                TestClient c = TestClient.hello(server)) {
            AdminCli cli = new AdminCli(dataDir);
            c.error(signup(c, "ann", null), ErrorCode.REGISTRATION_CLOSED);

            Run added = cli.runWithInput("ann's password\n", "user", "add", "ann", "--email", "ann@example.org",
                    "--display-name", "Ann", "--bcrypt-cost", "4", "--json");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.json().get("displayName").getAsString()).isEqualTo("Ann");
            c.ok(new Request.Login(c.nextId(), "ann", "ann's password"));

            Run empty = cli.runWithInput("", "user", "add", "ben", "--email", "ben@example.org");
            assertThat(empty.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(empty.err()).contains("No password on standard input");
            Run taken = cli.runWithInput("another password\n", "user", "add", "ann", "--email", "other@example.org",
                    "--bcrypt-cost", "4");
            assertThat(taken.exit()).isEqualTo(ExitCodes.CONFLICT);
            assertThat(taken.err()).contains("is taken");
        }
    }

    private static Request.Signup signup(TestClient c, String username, String invite) {
        return new Request.Signup(c.nextId(), username, username, username + "@example.org", "password-" + username, invite);
    }
}
