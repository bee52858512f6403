package app.duet.server.auth;

import app.duet.server.mail.MailException;
import app.duet.server.mail.Mailer;
import app.duet.server.store.Accounts.Account;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mails reset codes through the SMTP relay. Blocking: run on a worker. */
public final class SmtpResetCodeSender implements ResetCodeSender {
    private static final Logger log = LoggerFactory.getLogger(SmtpResetCodeSender.class);

    private final Mailer mailer;

    public SmtpResetCodeSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(Account account, String code, Duration validFor) {
        try {
            mailer.send(account.email(), "Your Duet password reset code", "Hello " + account.displayName() + ",\n\n"
                    + "someone (hopefully you) asked to reset the password of the Duet account '" + account.username()
                    + "'.\n\nYour reset code is: " + code + "\n\n"
                    + "It works once, for " + validFor.toMinutes() + " minutes. If you did not ask for it, ignore this "
                    + "mail; your password has not changed.\n");
            log.info("reset code mailed to the owner of '{}'", account.username());
        } catch (MailException e) {
            // The request says nothing either way (accounts cannot be probed), so the log is where this shows.
            log.error("could not mail the reset code for '{}': {}", account.username(), e.getMessage());
        }
    }
}
