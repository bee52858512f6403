package app.duet.server.auth;

import app.duet.protocol.ErrorCode;
import app.duet.server.ServiceException;
import app.duet.server.store.Accounts.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a signed-in user's current password before a change that needs it (a new password, deleting the
 * account), under the login throttle: a stolen session cannot be used to guess the password. Blocking
 * (bcrypt): callers run it on a worker.
 */
public final class CurrentPassword {
    private static final Logger log = LoggerFactory.getLogger(CurrentPassword.class);

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public CurrentPassword(PasswordHasher hasher, LoginThrottle throttle) {
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * @param action what the password confirms, for the log ("password change")
     * @throws ServiceException LOGIN_THROTTLED after too many failures, WRONG_CREDENTIALS for a wrong password
     */
    public void check(Account account, String password, String address, String action) {
        LoginThrottle.Attempt attempt = throttle.tryStart(account.username(), address).orElseThrow(() -> {
            log.warn("{} throttled: user={} address={}", action, account.username(), address);
            return throttled();
        });
        if (!hasher.matches(password, account.passwordHash())) {
            // The attempt stays counted: it is the failure.
            log.info("{} refused, wrong current password: user={} address={}", action, account.username(), address);
            throw new ServiceException(ErrorCode.WRONG_CREDENTIALS, "The current password is wrong.");
        }
        throttle.succeeded(attempt);
    }

    /** The answer to a password check the throttle refused, here and at login. */
    static ServiceException throttled() {
        return new ServiceException(ErrorCode.LOGIN_THROTTLED,
                "Too many failed password attempts. Wait a few minutes before trying again.");
    }
}
