package app.duet.server;

import app.duet.server.admin.AdminException;
import app.duet.server.admin.AdminOptions;
import app.duet.server.admin.OneUserCommand;
import app.duet.server.auth.AdminResetCodeSender;
import app.duet.server.auth.PasswordHasher;
import app.duet.server.auth.PasswordResets;
import app.duet.server.auth.RateLimit;
import app.duet.server.auth.Secrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints a fresh password reset code for a user, for servers without SMTP. Works while the server runs. */
@Command(name = "reset-code", mixinStandardHelpOptions = true,
        description = "Print a single-use password reset code for USERNAME; hand it to the user, who enters it "
                + "in the app with a new password.")
final class ResetCodeCommand extends OneUserCommand {
    @Option(names = "--reset-code-minutes", defaultValue = "15", description = "How long the code works (default: ${DEFAULT-VALUE}).")
    long minutes;

    @Override
    public Integer call() {
        return admin.run("user.reset-code", username, (stores, now) -> {
            SecureRandom random = new SecureRandom();
            // The hasher and the request limits only matter for clients' requests, not for issuing codes here.
            Clock clock = Clock.systemUTC();
            RateLimit unused = new RateLimit(clock, Duration.ZERO, Integer.MAX_VALUE, Set.of());
            PasswordResets resets = new PasswordResets(stores.accounts(), stores.resetCodes(), stores.sessions(),
                    new PasswordHasher(4, random), new Secrets(random), new AdminResetCodeSender(), clock,
                    Duration.ofMinutes(minutes), new PasswordResets.RequestLimits(unused, unused));
            String code;
            try {
                code = resets.issue(username);
            } catch (ServiceException e) {
                throw AdminException.notFound(e.getMessage());
            }
            return new AdminOptions.Outcome(code, AdminOptions.object("username", username, "code", code,
                    "expiresInMinutes", minutes), "");
        });
    }
}
