package app.duet.server.auth;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.FieldFormat;
import app.duet.server.ServiceException;
import app.duet.server.store.Accounts;
import app.duet.server.store.Accounts.Account;
import app.duet.server.store.ResetCodes;
import app.duet.server.store.ResetCodes.StoredResetCode;
import app.duet.server.store.Sessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Password reset codes: single use, expiring, a few tries each, stored hashed. Blocking: run on a worker. */
public final class PasswordResets {
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    public static final int CODE_DIGITS = 8;
    public static final int MAX_ATTEMPTS = 5;
    /** A new code is not mailed more often than this per account, so the form cannot be used to spam. */
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final Accounts accounts;
    private final ResetCodes codes;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final Secrets secrets;
    private final ResetCodeSender sender;
    private final Clock clock;
    private final Duration ttl;
    private final RequestLimits limits;

    /** How often codes may be asked for, per client address and per account (unknown logins count alike). */
    public record RequestLimits(RateLimit perAddress, RateLimit perAccount) {
    }

    public PasswordResets(Accounts accounts, ResetCodes codes, Sessions sessions, PasswordHasher hasher, Secrets secrets,
            ResetCodeSender sender, Clock clock, Duration ttl, RequestLimits limits) {
        this.accounts = accounts;
        this.codes = codes;
        this.sessions = sessions;
        this.hasher = hasher;
        this.secrets = secrets;
        this.sender = sender;
        this.clock = clock;
        this.ttl = ttl;
        this.limits = limits;
    }

    /**
     * Sends a code if the account exists; says nothing either way, so accounts cannot be probed. Limited
     * per address and per account so the server cannot be used to flood someone's mailbox; an unknown
     * login is limited like an account, so RATE_LIMITED does not tell whether the account exists.
     */
    public void request(String login, String address) {
        if (!limits.perAddress().tryAcquire(address)) {
            log.warn("password reset refused: too many requests from address={}", address);
            throw tooManyRequests();
        }
        Optional<Account> account = FieldFormat.EMAIL.matches(login)
                ? accounts.findByEmail(login) : accounts.findByUsername(login);
        String accountKey = account.map(Account::username).orElse(login.toLowerCase(Locale.ROOT));
        if (!limits.perAccount().tryAcquire(accountKey)) {
            log.warn("password reset refused: too many requests for one account from address={}", address);
            throw tooManyRequests();
        }
        if (account.isEmpty()) {
            log.info("password reset requested for an unknown account");
            return;
        }
        String username = account.get().username();
        Optional<StoredResetCode> previous = codes.find(username);
        if (previous.isPresent() && previous.get().expiresAt().minus(ttl).plus(MIN_INTERVAL).isAfter(clock.instant())) {
            log.info("password reset for '{}' asked again within {}; not sending another code", username, MIN_INTERVAL);
            return;
        }
        sender.send(account.get(), issueFor(username), ttl);
    }

    /** Creates a code for the admin command; replaces any earlier one. */
    public String issue(String username) {
        if (accounts.findByUsername(username).isEmpty()) {
            throw new ServiceException(ErrorCode.INVALID_FIELD, "There is no account '" + username + "'.");
        }
        log.info("reset code issued by an administrator for '{}'", username);
        return issueFor(username);
    }

    /** @return the ids of the account's sessions, all revoked */
    public List<String> confirm(String username, String code, String newPassword) {
        StoredResetCode stored = codes.find(username).orElseThrow(PasswordResets::invalidCode);
        if (!stored.expiresAt().isAfter(clock.instant()) || stored.attemptsLeft() <= 0) {
            codes.delete(username);
            throw invalidCode();
        }
        if (!Secrets.constantTimeEquals(stored.codeHash(), Secrets.sha256Hex(code))) {
            codes.decrementAttempts(username);
            log.info("wrong reset code for '{}'", username);
            throw invalidCode();
        }
        AuthManager.checkStrength(username, newPassword);
        codes.delete(username);
        accounts.updatePasswordHash(username, hasher.hash(newPassword));
        List<String> revoked = sessions.deleteAllOf(username, null);
        log.info("password reset for '{}'; revokedSessions={}", username, revoked.size());
        return revoked;
    }

    private String issueFor(String username) {
        String code = secrets.newDigits(CODE_DIGITS);
        Instant expiresAt = clock.instant().plus(ttl);
        codes.put(new StoredResetCode(username, Secrets.sha256Hex(code), expiresAt, MAX_ATTEMPTS));
        return code;
    }

    private static ServiceException tooManyRequests() {
        return new ServiceException(ErrorCode.RATE_LIMITED,
                "Too many reset codes were asked for. Use the code you were sent, or try again in an hour.");
    }

    private static ServiceException invalidCode() {
        return new ServiceException(ErrorCode.INVALID_RESET_CODE,
                "The reset code is wrong, used or expired. Ask for a new one.");
    }
}
