package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * Counts failed logins per account and per address in a sliding window. Checked before bcrypt runs,
 * so a password-guessing flood costs the server almost nothing. In memory: a restart forgets it.
 */
public final class LoginThrottle {
    private final int perAccount;
    private final int perAddress;
    private final SlidingWindowCounter failuresByAccount;
    private final SlidingWindowCounter failuresByAddress;

    public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.failuresByAccount = new SlidingWindowCounter(clock, window);
        this.failuresByAddress = new SlidingWindowCounter(clock, window);
    }

    public boolean allows(String username, String address) {
        return failuresByAccount.count(username) < perAccount && failuresByAddress.count(address) < perAddress;
    }

    public void recordFailure(String username, String address) {
        failuresByAccount.record(username);
        failuresByAddress.record(address);
    }

    /** A correct password clears the account's count (not the address's: one address may try many accounts). */
    public void recordSuccess(String username) {
        failuresByAccount.forget(username);
    }
}
