package app.duet.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and codes, their hashes, and constant-time comparison. */
public final class Secrets {
    private static final int TOKEN_BYTES = 32;
    private final SecureRandom random;

    public Secrets(SecureRandom random) {
        this.random = random;
    }

    /** 256 random bits, URL-safe base64 without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A code of {@code digits} decimal digits, e.g. for a password reset. */
    public String newDigits(int digits) {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /** {@code length} random lower-case letters and digits (5.2 bits each), e.g. a channel name nobody guesses. */
    public String newLowerCase(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Hex SHA-256; what is stored instead of a token or a code. */
    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Compares without stopping at the first difference, so timing says nothing about the secret. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
