package app.duet.client.call;

import java.security.SecureRandom;
import java.util.Base64;

/** The ids our rings propose: 128 random bits, URL-safe, unique without asking the server. */
final class CallIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CallIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
