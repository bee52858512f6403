package app.duet.server.auth;

import java.security.SecureRandom;
import java.util.Base64;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt over base64(SHA-256(password)): the pre-hash keeps passwords longer than bcrypt's 72 bytes from
 * being silently truncated. Slow on purpose; call it from a worker, never from a socket thread.
 */
public final class PasswordHasher {
    private final int cost;
    private final SecureRandom random;
    /** Checked against when the username does not exist, so a miss costs as much time as a hit. */
    private final String decoyHash;

    public PasswordHasher(int cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
        this.decoyHash = BCrypt.hashpw("decoy", BCrypt.gensalt(cost, random));
    }

    public String hash(String password) {
        return BCrypt.hashpw(prehash(password), BCrypt.gensalt(cost, random));
    }

    /** Constant-time check (jbcrypt compares without early return). */
    public boolean matches(String password, String hash) {
        try {
            return BCrypt.checkpw(prehash(password), hash);
        } catch (IllegalArgumentException corruptHash) {
            return false;
        }
    }

    /** Spends the time of one check, for an unknown username. */
    public void burnOneCheck(String password) {
        matches(password, decoyHash);
    }

    public int cost() {
        return cost;
    }

    private static String prehash(String password) {
        return Base64.getEncoder().encodeToString(Secrets.sha256(password));
    }
}
