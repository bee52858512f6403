package app.duet.server.auth;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Protocol;
import app.duet.server.ServiceException;
import app.duet.protocol.RegistrationMode;
import app.duet.server.store.Accounts;
import app.duet.server.store.Accounts.Account;
import app.duet.server.store.Sessions;
import app.duet.server.store.Sessions.StoredSession;
import app.duet.server.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and sessions: sign-up, login, resume, logout, password change. Blocking (bcrypt, JDBC):
 * callers run it on a worker executor.
 */
public final class AuthManager {
    private static final Logger log = LoggerFactory.getLogger(AuthManager.class);

    /** A fresh or resumed session; {@code token} is what the client keeps. */
    public record Authenticated(Principal principal, String token) {
        @Override
        public String toString() {
            return "Authenticated[" + principal + "]";
        }
    }

    private final Accounts accounts;
    private final Sessions sessions;
    private final PasswordHasher hasher;
    private final Secrets secrets;
    private final LoginThrottle throttle;
    private final RateLimit signupsPerAddress;
    private final Clock clock;
    private final SessionLifetime lifetime;
    private final RegistrationMode registration;
    private final CurrentPassword currentPassword;
    private final EmailVerification verification;

    public AuthManager(Accounts accounts, Sessions sessions, PasswordHasher hasher, Secrets secrets,
            LoginThrottle throttle, RateLimit signupsPerAddress, Clock clock, SessionLifetime lifetime,
            RegistrationMode registration, EmailVerification verification) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.secrets = secrets;
        this.throttle = throttle;
        this.signupsPerAddress = signupsPerAddress;
        this.clock = clock;
        this.lifetime = lifetime;
        this.registration = registration;
        this.currentPassword = new CurrentPassword(hasher, throttle);
        this.verification = verification;
    }

    /** @param invite the registration invite's token, needed with {@link RegistrationMode#INVITE}; may be null */
    public Authenticated signup(String username, String displayName, String email, String password, String invite,
            String address) {
        // Counted before any other check, so probing for taken names costs the same budget.
        if (!signupsPerAddress.tryAcquire(address)) {
            log.warn("sign-up refused: too many from address={}", address);
            throw new ServiceException(ErrorCode.RATE_LIMITED,
                    "Too many accounts were created from your network recently. Try again in an hour.");
        }
        checkRegistration(invite);
        checkStrength(username, password);
        if (accounts.findByUsername(username).isPresent()) {
            throw new ServiceException(ErrorCode.USERNAME_TAKEN, "The username '" + username + "' is taken.");
        }
        if (accounts.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        Account account = new Account(username, displayName.strip(), email, hasher.hash(password), clock.instant());
        String inviteHash = registration == RegistrationMode.INVITE ? Secrets.sha256Hex(invite) : null;
        Accounts.CreateOutcome outcome = verification.on()
                ? accounts.createUnverified(account, inviteHash, verification.mailFirstCode(account), clock.instant())
                : inviteHash != null ? accounts.createWithInvite(account, inviteHash, clock.instant())
                : accounts.create(account);
        switch (outcome) {
            case USERNAME_TAKEN -> throw new ServiceException(ErrorCode.USERNAME_TAKEN,
                    "The username '" + username + "' is taken.");
            case EMAIL_TAKEN -> throw emailTaken();
            case INVITE_INVALID -> {
                log.info("sign-up refused, invite not valid: user={} address={}", username, address);
                throw new ServiceException(ErrorCode.INVITE_INVALID,
                        "This invite is not valid: it may have expired, been used up or been revoked. Ask for a new one.");
            }
            case CREATED -> log.info("account created: {}{}", username,
                    registration == RegistrationMode.INVITE ? " (with an invite)" : "");
        }
        throttle.remember(username, address);
        if (verification.on()) {
            throw verification.unverified(account.email()); // signed in by email_verify, with the mailed code
        }
        return newSession(account);
    }

    public Authenticated login(String username, String password, String address) {
        Account account = passwordChecked(username, password, address);
        if (account.disabled()) {
            log.info("login refused, account disabled: user={} address={}", username, address);
            throw accountDisabled();
        }
        verification.requireVerified(account);
        return newSession(account);
    }

    /** Signs in with the code mailed to a new account's address, which is then verified. */
    public Authenticated verifyEmail(String username, String code, String address) {
        LoginThrottle.Attempt attempt = throttle.tryStart(username, address).orElseThrow(() -> {
            log.warn("e-mail verification throttled: user={} address={}", username, address);
            return CurrentPassword.throttled();
        });
        if (!verification.use(username, code)) {
            // The attempt stays counted: it is the failure.
            log.info("wrong verification code: user={} address={}", username, address);
            throw new ServiceException(ErrorCode.INVALID_VERIFICATION_CODE, "This code is wrong; check the mail and try again.");
        }
        throttle.succeeded(attempt);
        Account account = accounts.findByUsername(username).orElseThrow(AuthManager::sessionExpired);
        log.info("e-mail address verified: user={}", username);
        if (account.disabled()) {
            throw accountDisabled();
        }
        throttle.remember(username, address);
        return newSession(account);
    }

    /** A new verification code, to {@code newEmail} if not null; needs the password, under the login throttle. */
    public void resendVerification(String username, String password, String newEmail, String address) {
        Account account = passwordChecked(username, password, address);
        if (!verification.on()) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "This server does not verify e-mail addresses; sign in.");
        }
        if (newEmail != null && accounts.findByEmail(newEmail).filter(a -> !a.username().equals(username)).isPresent()) {
            throw emailTaken();
        }
        verification.resend(account, newEmail);
    }

    /** The account, if the password is right; under the login throttle, as long for unknown names. */
    private Account passwordChecked(String username, String password, String address) {
        LoginThrottle.Attempt attempt = throttle.tryStart(username, address).orElseThrow(() -> {
            log.warn("login throttled: user={} address={}", username, address);
            return CurrentPassword.throttled();
        });
        Optional<Account> account = accounts.findByUsername(username);
        boolean ok;
        if (account.isPresent()) {
            ok = hasher.matches(password, account.get().passwordHash());
        } else {
            hasher.burnOneCheck(password);
            ok = false;
        }
        if (!ok) {
            // The attempt stays counted: it is the failure.
            log.info("login failed: user={} address={}", username, address);
            throw wrongCredentials();
        }
        throttle.succeeded(attempt);
        return account.get();
    }

    /** @param address the client's, which becomes known for the account (see {@link LoginThrottle}) */
    public Authenticated resume(String token, String address) {
        String hash = Secrets.sha256Hex(token);
        StoredSession session = sessions.find(hash)
                .filter(s -> Secrets.constantTimeEquals(s.tokenHash(), hash))
                .orElseThrow(AuthManager::sessionExpired);
        Instant now = clock.instant();
        if (!session.expiresAt().isAfter(now)) {
            sessions.delete(hash);
            throw sessionExpired();
        }
        Account account = accounts.findByUsername(session.username()).orElseThrow(AuthManager::sessionExpired);
        if (account.disabled()) {
            throw accountDisabled();
        }
        Optional<Instant> renewed = lifetime.renewal(session.createdAt(), session.expiresAt(), now);
        if (renewed.isPresent() && extendIfWritable(hash, renewed.get())) {
            session = new StoredSession(hash, session.username(), session.createdAt(), renewed.get());
            log.debug("session of '{}' renewed until {}", session.username(), renewed.get());
        }
        throttle.remember(account.username(), address);
        return new Authenticated(principal(account, session), token);
    }

    /**
     * A renewal is a courtesy: while the storage cannot be written the session keeps its expiry and the
     * resume goes on (it is renewed on a later one).
     */
    private boolean extendIfWritable(String tokenHash, Instant expiresAt) {
        try {
            return sessions.extend(tokenHash, expiresAt);
        } catch (StoreException e) {
            if (!e.storageUnavailable()) {
                throw e;
            }
            return false;
        }
    }

    /** Revokes the session, on every connection that uses it. */
    public void logout(Principal principal) {
        sessions.delete(principal.sessionId());
    }

    /** @return the ids of all the account's sessions, this one included, now revoked */
    public List<String> logoutEverywhere(Principal principal) {
        List<String> revoked = sessions.deleteAllOf(principal.username(), null);
        log.info("logged out everywhere: user={} revokedSessions={}", principal.username(), revoked.size());
        return revoked;
    }

    /**
     * The old password is checked by {@link CurrentPassword}, under the login throttle.
     * @return the ids of the other sessions of the account, now revoked
     */
    public List<String> changePassword(Principal principal, String oldPassword, String newPassword, String address) {
        Account account = accounts.findByUsername(principal.username()).orElseThrow(AuthManager::sessionExpired);
        currentPassword.check(account, oldPassword, address, "password change");
        checkStrength(account.username(), newPassword);
        accounts.updatePasswordHash(account.username(), hasher.hash(newPassword));
        List<String> revoked = sessions.deleteAllOf(account.username(), principal.sessionId());
        log.info("password changed: user={} revokedSessions={}", account.username(), revoked.size());
        return revoked;
    }

    public int deleteExpiredSessions() {
        return sessions.deleteExpired(clock.instant());
    }

    private void checkRegistration(String invite) {
        if (registration == RegistrationMode.CLOSED) {
            throw new ServiceException(ErrorCode.REGISTRATION_CLOSED,
                    "This server does not take sign-ups; ask its admin for an account.");
        }
        if (registration == RegistrationMode.INVITE && invite == null) {
            throw new ServiceException(ErrorCode.INVITE_REQUIRED,
                    "This server takes sign-ups by invite only; ask its admin for an invite.");
        }
    }

    /** The throttled check of a signed-in user's password, shared with the account's other changes. */
    public CurrentPassword currentPassword() {
        return currentPassword;
    }

    public static void checkStrength(String username, String password) {
        if (password.codePointCount(0, password.length()) < Protocol.MIN_PASSWORD_LENGTH) {
            throw new ServiceException(ErrorCode.WEAK_PASSWORD,
                    "The password needs at least " + Protocol.MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new ServiceException(ErrorCode.WEAK_PASSWORD, "The password must not be the username.");
        }
    }

    private Authenticated newSession(Account account) {
        String token = secrets.newToken();
        Instant now = clock.instant();
        StoredSession session = new StoredSession(Secrets.sha256Hex(token), account.username(), now, lifetime.firstExpiry(now));
        sessions.create(session);
        return new Authenticated(principal(account, session), token);
    }

    private static Principal principal(Account account, StoredSession session) {
        return new Principal(account.username(), account.displayName(), session.tokenHash(), session.expiresAt());
    }

    static ServiceException emailTaken() {
        return new ServiceException(ErrorCode.EMAIL_TAKEN, "An account with this e-mail address exists already.");
    }

    private static ServiceException wrongCredentials() {
        return new ServiceException(ErrorCode.WRONG_CREDENTIALS, "Wrong username or password.");
    }

    private static ServiceException accountDisabled() {
        return new ServiceException(ErrorCode.ACCOUNT_DISABLED,
                "This account was disabled by the server's admin; ask them to enable it.");
    }

    /** The session is gone (expired, revoked, or its account deleted): log in again. */
    public static ServiceException sessionExpired() {
        return new ServiceException(ErrorCode.SESSION_EXPIRED, "The session has expired or was revoked; log in again.");
    }
}
