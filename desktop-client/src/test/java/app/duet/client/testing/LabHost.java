package app.duet.client.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * One simulated machine of a {@link NetworkLab}: a network namespace whose only link is a veth to the test's
 * own (root) namespace, on its own /24 with the root side as default gateway.
 */
public final class LabHost {

    private final NetworkLab lab;
    private final String namespace;
    private final String device;
    private final String subnetPrefix;
    private String address;
    private boolean up = true;

    LabHost(NetworkLab lab, String namespace, String device, String subnetPrefix, String address) {
        this.lab = lab;
        this.namespace = namespace;
        this.device = device;
        this.subnetPrefix = subnetPrefix;
        this.address = address;
    }

    public String namespace() {
        return namespace;
    }

    /** The host's current IPv4 address. */
    public String address() {
        return address;
    }

    /** The root namespace's address on this host's link: the default gateway. */
    public String gateway() {
        return subnetPrefix + "1";
    }

    /** {@code command} run inside this host's namespace. */
    public List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(NetworkLab.IP, "netns", "exec", namespace));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Pulls the cable: the link goes down and the kernel drops the routes over it. */
    public void linkDown() {
        lab.ip("-n", namespace, "link", "set", device, "down");
        up = false;
    }

    /** Plugs the cable back in; the default route comes back as DHCP would bring it. */
    public void linkUp() {
        lab.ip("-n", namespace, "link", "set", device, "up");
        up = true;
        lab.ip("-n", namespace, "route", "replace", "default", "via", gateway());
    }

    /** A network change: the host keeps its link but gets another address (as on a new Wi-Fi or DHCP lease). */
    public void renumber(int lastOctet) {
        String next = subnetPrefix + lastOctet;
        // Old one first: deleting a primary address would take a second address on the same subnet with it.
        lab.ip("-n", namespace, "addr", "del", address + "/24", "dev", device);
        lab.ip("-n", namespace, "addr", "add", next + "/24", "dev", device);
        address = next;
        if (up) { // the routes went with the old address
            lab.ip("-n", namespace, "route", "replace", "default", "via", gateway());
        }
    }

    @Override
    public String toString() {
        return namespace + "(" + address + ")";
    }
}
