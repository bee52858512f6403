package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Limits password checks (login, and the old password of change_password) so that guessing stays
 * expensive without handing an attacker a lock-out button (docs/decisions/0008-login-throttle.md).
 *
 * <p>Failures are counted per (account, address) pair, per account and per address in a sliding window.
 * A pair over the account limit is always refused. The account and address limits are not applied to a
 * pair that is <em>known</em>: the account logged in or used a session from that address within
 * {@link #KNOWN_ADDRESS_MEMORY}. So the owner, from an address they use, gets in while an attacker
 * elsewhere holds the account's count up; and colleagues behind an office NAT get in while a guesser
 * there holds the address's count up.
 *
 * <p>Every check is counted as a failure before it runs ({@link #tryStart}) and taken back if it succeeds,
 * so concurrent guesses cannot overrun a limit. Checked before bcrypt runs, so a guessing flood costs the
 * server almost nothing. The counts are in memory (a restart forgets them) or, with several nodes, in Redis
 * ({@link WindowCounter}, {@link KnownPairs}).
 */
public final class LoginThrottle {
    /** How long an address stays known for an account after the account was last used from it. */
    public static final Duration KNOWN_ADDRESS_MEMORY = Duration.ofDays(30);
    /** Known (account, address) pairs kept; past this the least recently used are forgotten first. */
    static final int MAX_KNOWN_ADDRESSES = 100_000;

    /** A password check counted as a failure in advance; {@link #succeeded} takes it back. */
    public record Attempt(String username, String address, Instant at) {
    }

    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final WindowCounter failuresByPair;
    private final WindowCounter failuresByAccount;
    private final WindowCounter failuresByAddress;
    private final KnownPairs known;

    public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
        this(clock, window, perAccount, perAddress, WindowCounter.inMemory(clock), KnownPairs.inMemory(clock));
    }

    /** Failures counted in {@code counters}, pairs kept in {@code known}: in memory, or in Redis for several nodes. */
    public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress, WindowCounter.Factory counters,
                         KnownPairs known) {
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.failuresByPair = counters.counter("login-pair", window);
        this.failuresByAccount = counters.counter("login-account", window);
        this.failuresByAddress = counters.counter("login-address", window);
        this.known = known;
    }

    /**
     * Reserves one password check, counted as a failure until {@link #succeeded} takes it back.
     * @return empty if the limits refuse it (nothing is counted then)
     */
    public synchronized Optional<Attempt> tryStart(String username, String address) {
        String pair = pair(username, address);
        if (failuresByPair.count(pair) >= perAccount) {
            return Optional.empty();
        }
        if (!known.contains(pair)
                && (failuresByAccount.count(username) >= perAccount || failuresByAddress.count(address) >= perAddress)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        failuresByPair.record(pair, now);
        failuresByAccount.record(username, now);
        failuresByAddress.record(address, now);
        return Optional.of(new Attempt(username, address, now));
    }

    /**
     * The password was right: the attempt is taken back, the pair's failures are forgiven and the address
     * becomes known for the account. The account's other failures stay counted (they may be an attacker's).
     */
    public synchronized void succeeded(Attempt attempt) {
        String pair = pair(attempt.username(), attempt.address());
        failuresByPair.forget(pair);
        failuresByAccount.remove(attempt.username(), attempt.at());
        failuresByAddress.remove(attempt.address(), attempt.at());
        known.add(pair);
    }

    /** The account used a session from this address (sign-up, resume): the address becomes known for it. */
    public synchronized void remember(String username, String address) {
        known.add(pair(username, address));
    }

    /** Usernames have no line breaks and addresses are IP literals, so the key is unambiguous. */
    private static String pair(String username, String address) {
        return username + "\n" + address;
    }
}
