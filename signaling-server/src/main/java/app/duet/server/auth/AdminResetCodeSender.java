package app.duet.server.auth;

import app.duet.server.store.Accounts.Account;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used when no SMTP server is configured: the code cannot reach the user, so the log tells the
 * administrator how to issue one by hand. The code itself is never logged.
 */
public final class AdminResetCodeSender implements ResetCodeSender {
    private static final Logger log = LoggerFactory.getLogger(AdminResetCodeSender.class);

    @Override
    public void send(Account account, String code, Duration validFor) {
        log.info("password reset requested for '{}', but SMTP is not configured; an administrator can issue a code "
                + "with: java -jar duet-server.jar reset-code --data-dir <dir> {}", account.username(), account.username());
    }
}
