package app.duet.server.auth;

import app.duet.protocol.ErrorCode;
import app.duet.server.ServiceException;
import app.duet.server.mail.MailException;
import app.duet.server.mail.Mailer;
import app.duet.server.store.Accounts.Account;
import app.duet.server.store.EmailVerifications;
import app.duet.server.store.EmailVerifications.PendingCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of e-mail verification (docs/decisions/0017-email-verification.md): codes mailed to a new
 * account's address, stored hashed, single-use, expiring, a few wrong tries each; a new code at most once a
 * minute and a few times an hour per account. {@link AuthManager} checks passwords and throttles around it.
 * Blocking (JDBC, SMTP): run on a worker.
 */
public final class EmailVerification {
    private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);
    public static final int CODE_DIGITS = 8;
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration CODE_TTL = Duration.ofMinutes(30);
    /** A new code is not mailed more often than this per account, so resend cannot flood a mailbox. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final int RESENDS_PER_HOUR = 5;

    private final EmailVerifications codes;
    private final Mailer mailer;
    private final Secrets secrets;
    private final Clock clock;
    private final RateLimit resendsPerAccount;

    /** {@code mailer} null: verification is off, and every account counts as verified. */
    public EmailVerification(EmailVerifications codes, Mailer mailer, Secrets secrets, Clock clock,
            RateLimit resendsPerAccount) {
        this.codes = codes;
        this.mailer = mailer;
        this.secrets = secrets;
        this.clock = clock;
        this.resendsPerAccount = resendsPerAccount;
    }

    public boolean on() {
        return mailer != null;
    }

    /**
     * Mails the first code of an account about to be created and returns it hashed, to be stored with the
     * account: a sign-up whose mail cannot be sent stores nothing, so the name and address stay free.
     */
    PendingCode mailFirstCode(Account account) {
        return mail(account, account.email());
    }

    /** The refusal of a sign-up or login that is right but waits for its code. */
    ServiceException unverified(String email) {
        return new ServiceException(ErrorCode.EMAIL_UNVERIFIED, "We mailed a code to " + email
                + ": enter it to finish signing up, or ask for a new one.");
    }

    /** EMAIL_UNVERIFIED while the account's code waits (verification on only). */
    void requireVerified(Account account) {
        if (on() && codes.find(account.username()).isPresent()) {
            throw unverified(account.email());
        }
    }

    /**
     * Uses the code: true if it was the account's waiting code, now taken out (the address is verified); false
     * for a wrong code, which costs one of its tries. INVALID_VERIFICATION_CODE once nothing can work: no code
     * waits, it expired, or its tries are spent.
     */
    boolean use(String username, String code) {
        PendingCode waiting = codes.find(username).orElseThrow(() -> invalid(
                "This code does not work: it may have been used already. Sign in, or ask for a new code."));
        if (!waiting.expiresAt().isAfter(clock.instant())) {
            throw invalid("This code has expired; ask for a new one.");
        }
        if (waiting.attemptsLeft() <= 0) {
            throw invalid("Too many wrong codes; ask for a new one.");
        }
        String hash = Secrets.sha256Hex(code);
        if (!Secrets.constantTimeEquals(waiting.codeHash(), hash)) {
            codes.failedAttempt(username);
            return false;
        }
        // Taken out by its hash: of two uses at once (two devices, two nodes) only one verifies.
        return codes.verified(username, hash);
    }

    /**
     * Mails a new code to {@code newEmail}, or the account's address when null, then stores it in place of the
     * old one (with the new address): RATE_LIMITED within a minute of the last or past the hourly limit,
     * WRONG_STATE once verified, EMAIL_TAKEN for another account's address, EMAIL_NOT_SENT if the mail fails.
     */
    void resend(Account account, String newEmail) {
        String username = account.username();
        PendingCode waiting = codes.find(username).orElseThrow(EmailVerification::alreadyVerified);
        if (waiting.sentAt().plus(MIN_INTERVAL).isAfter(clock.instant()) || !resendsPerAccount.tryAcquire(username)) {
            log.info("verification code for '{}' asked again too soon", username);
            throw new ServiceException(ErrorCode.RATE_LIMITED, "A code was sent a moment ago or several times this "
                    + "hour; check your mail (and its spam folder), or wait a few minutes before asking again.");
        }
        String to = newEmail != null ? newEmail : account.email();
        switch (codes.replace(mail(account, to), newEmail)) {
            case REPLACED -> log.info("verification code mailed again to the owner of '{}'{}", username,
                    newEmail != null ? " (new address)" : "");
            case NOT_WAITING -> throw alreadyVerified();
            case EMAIL_TAKEN -> throw AuthManager.emailTaken();
        }
    }

    private PendingCode mail(Account account, String to) {
        String code = secrets.newDigits(CODE_DIGITS);
        Instant now = clock.instant();
        try {
            mailer.send(to, "Your Duet verification code", "Hello " + account.displayName() + ",\n\n"
                    + "to finish signing up to Duet as '" + account.username() + "', enter this code in the app:\n\n"
                    + "    " + code + "\n\n"
                    + "It works once, for " + CODE_TTL.toMinutes() + " minutes. If you did not sign up, ignore this mail: "
                    + "without the code the account cannot be used.\n");
        } catch (MailException e) {
            log.error("could not mail a verification code for '{}': {}", account.username(), e.getMessage());
            throw new ServiceException(ErrorCode.EMAIL_NOT_SENT, e.addressRefused()
                    ? "The mail server refused the address " + to + "; check it and try again."
                    : "The e-mail with your code could not be sent just now; try again in a few minutes.");
        }
        return new PendingCode(account.username(), Secrets.sha256Hex(code), now, now.plus(CODE_TTL), MAX_ATTEMPTS);
    }

    private static ServiceException alreadyVerified() {
        return new ServiceException(ErrorCode.WRONG_STATE, "This account's e-mail address is verified already; sign in.");
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_VERIFICATION_CODE, message);
    }
}
