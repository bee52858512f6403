package app.duet.client.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short code both people can read to each other to check that nobody sits between them. It is derived
 * from the two DTLS certificate fingerprints in the local and remote SDP, in an order-independent way, so
 * both sides compute the same code; a man in the middle (or a tampered SDP) substitutes a fingerprint and
 * the codes differ.
 */
public final class SafetyCode {

    private static final Pattern FINGERPRINT =
            Pattern.compile("^a=fingerprint:(\\S+)\\s+([0-9A-Fa-f:]+)\\s*$", Pattern.MULTILINE);
    private static final String CONTEXT = "duet-safety-code-v1";

    private SafetyCode() {
    }

    /** "123 456", or empty when either SDP lacks a fingerprint. */
    public static Optional<String> fromSdp(String localSdp, String remoteSdp) {
        Optional<String> local = fingerprint(localSdp);
        Optional<String> remote = fingerprint(remoteSdp);
        if (local.isEmpty() || remote.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromFingerprints(local.get(), remote.get()));
    }

    static String fromFingerprints(String a, String b) {
        List<String> sorted = new ArrayList<>(List.of(a, b));
        sorted.sort(null);
        byte[] hash = sha256(CONTEXT + "\n" + sorted.get(0) + "\n" + sorted.get(1));
        long value = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
        String digits = String.format(Locale.ROOT, "%06d", value % 1_000_000);
        return digits.substring(0, 3) + " " + digits.substring(3);
    }

    /** The session's fingerprint as "algorithm HEX", normalised; all m-sections share it under BUNDLE. */
    static Optional<String> fingerprint(String sdp) {
        if (sdp == null) {
            return Optional.empty();
        }
        Matcher m = FINGERPRINT.matcher(sdp.replace("\r\n", "\n"));
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2).toUpperCase(Locale.ROOT));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
