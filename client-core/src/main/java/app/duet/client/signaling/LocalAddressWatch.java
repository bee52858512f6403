package app.duet.client.signaling;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether the address a socket was opened from is still one of this machine's. After a network change
 * (another Wi-Fi, a new DHCP lease, a VPN going down) the old address is gone and so is the socket, but TCP
 * does not say so: without this check the client would notice only when its pings go unanswered (20 s), and
 * a call's recovery would wait that long for signaling.
 */
final class LocalAddressWatch {
    private static final Logger log = LoggerFactory.getLogger(LocalAddressWatch.class);
    /** How often an open socket's address is looked for; one lookup costs well under a millisecond. */
    static final Duration PERIOD = Duration.ofSeconds(1);

    private LocalAddressWatch() {
    }

    /** Checks {@code connection}'s address every {@link #PERIOD} on {@code timer}; drops it once the address is gone. */
    static void watch(SocketConnection connection, ScheduledExecutorService timer) {
        long period = PERIOD.toMillis();
        connection.watchAddress(timer.scheduleWithFixedDelay(() -> dropIfGone(connection), period, period,
                TimeUnit.MILLISECONDS));
    }

    private static void dropIfGone(SocketConnection connection) {
        InetSocketAddress local = connection.localAddress();
        if (isGone(local)) {
            log.info("Our address {} is no longer on this machine (the network changed): reconnecting",
                    local.getAddress().getHostAddress());
            connection.drop("our network address changed");
        }
    }

    /** True when {@code local} is no longer assigned to any interface; false when it is, or cannot be told. */
    private static boolean isGone(InetSocketAddress local) {
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
