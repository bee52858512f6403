package app.duet.server.transport;

import app.duet.server.config.IpLiterals;
import java.util.Optional;
import java.util.Set;

/**
 * Which address a connection counts as for per-address limits: the direct peer, unless the peer is a
 * trusted reverse proxy; then the rightmost X-Forwarded-For hop that is not itself a trusted proxy.
 * Hops left of that one were written by the client and are never believed.
 */
final class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Set<String> trustedProxies;

    /** @param trustedProxies normalised IP literals (see {@link IpLiterals}) */
    ClientAddresses(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * @param peer the direct peer's address, normalised
     * @param forwardedFor the X-Forwarded-For header; null or empty if absent
     */
    String clientAddress(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String address = peer;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<String> hop = IpLiterals.normalize(hops[i]);
            if (hop.isEmpty()) {
                // Garbage in the header: the last hop we trust saw the client, so it counts as that hop.
                return address;
            }
            address = hop.get();
            if (!trustedProxies.contains(address)) {
                return address;
            }
        }
        return address;
    }
}
