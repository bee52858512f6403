package app.duet.client.signaling;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;

/**
 * Tells whether the address a socket was opened from is still one of this machine's. After a network change
 * (another Wi-Fi, a new DHCP lease, a VPN going down) the old address is gone and so is the socket, but TCP
 * does not say so: without this check the client would notice only when its pings go unanswered (20 s), and
 * a call's recovery would wait that long for signaling.
 */
final class LocalAddressWatch {
    /** How often an open socket's address is looked for; one lookup costs well under a millisecond. */
    static final Duration PERIOD = Duration.ofSeconds(1);

    private LocalAddressWatch() {
    }

    /** True when {@code local} is no longer assigned to any interface; false when it is, or cannot be told. */
    static boolean isGone(InetSocketAddress local) {
        if (local == null || local.getAddress() == null) {
            return false;
        }
        InetAddress address = local.getAddress();
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return false;
        }
        try {
            return NetworkInterface.getByInetAddress(address) == null;
        } catch (SocketException e) {
            return false; // cannot tell: the pings still catch a dead socket
        }
    }
}
