package app.duet.server.turn;

import app.duet.protocol.IceServer;
import app.duet.protocol.Result;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * STUN URLs and short-lived TURN credentials in the "TURN REST API" scheme that coturn checks with
 * {@code use-auth-secret}: username = "{expiry epoch seconds}:{user}", password =
 * base64(HMAC-SHA1(static-auth-secret, username)). The secret never leaves the server.
 */
public final class IceServersProvider {
    private final List<String> stunUrls;
    private final List<String> turnUrls;
    private final String turnSecret;
    private final Duration ttl;
    private final Clock clock;

    public IceServersProvider(List<String> stunUrls, List<String> turnUrls, String turnSecret, Duration ttl, Clock clock) {
        this.stunUrls = List.copyOf(stunUrls);
        this.turnUrls = List.copyOf(turnUrls);
        this.turnSecret = turnSecret;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Result.IceServers forUser(String username) {
        List<IceServer> servers = new ArrayList<>();
        if (!stunUrls.isEmpty()) {
            servers.add(new IceServer(stunUrls, null, null));
        }
        if (!turnUrls.isEmpty()) {
            String turnUsername = (clock.instant().getEpochSecond() + ttl.toSeconds()) + ":" + username;
            servers.add(new IceServer(turnUrls, turnUsername, credential(turnSecret, turnUsername)));
        }
        return new Result.IceServers(servers, ttl.toSeconds());
    }

    /** base64(HMAC-SHA1(secret, username)). */
    public static String credential(String secret, String turnUsername) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(turnUsername.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JVM", e);
        }
    }
}
