package app.duet.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two separate machines on one Linux box, for each test: network namespaces "A" and "B", each with a veth to
 * the test's own (root) namespace on its own /24, default route via the root side. Forwarding stays off on
 * those links, so A and B cannot reach each other, yet both reach every address of the root namespace (Linux
 * delivers to any local address, the "weak host" model): the signaling server and TURN listen on
 * {@link #services()} there, like servers on the internet between two home networks.
 * <p>
 * Register as an instance field with {@code @RegisterExtension}. Namespaces are named after this JVM's pid;
 * everything is removed after each test, failed or not, and namespaces left by a killed run are removed
 * before the next test. Needs root and iproute2's {@code ip}: elsewhere the test is skipped with the reason,
 * unless the environment variable {@code CI} is set, where it fails (CI must really run it).
 */
public final class NetworkLab implements BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkLab.class);
    static final String IP = findIp();
    private static final String PREFIX = "duetlab-";
    private static final Pattern OURS = Pattern.compile("^" + PREFIX + "(\\d+)-\\S+");
    /** 198.18.0.0/15 is reserved for network benchmarks (RFC 2544): never a real network the machine uses. */
    private static final String NET = "198.18.";
    private static final int SLOTS = 64;
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "duet-netlab.lock");
    private static final long COMMAND_SECONDS = 20;
    private static int labs;

    private final List<String> namespaces = new ArrayList<>();
    private LabHost hostA;
    private LabHost hostB;
    private String services;
    private String range;

    /**
     * Every address this lab uses, services and both hosts (whatever they renumber to), as a coturn range
     * "first-last": for coturn's {@code allowed-peer-ip}, since the shipped configuration denies 198.18.0.0/15.
     */
    public String range() {
        return range;
    }

    /** The root namespace's service address: where servers listen that both hosts can reach. */
    public String services() {
        return services;
    }

    public LabHost hostA() {
        return hostA;
    }

    public LabHost hostB() {
        return hostB;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Optional<String> missing = missingRequirement();
        if (missing.isPresent()) {
            String reason = "Needs Linux network namespaces: " + missing.get();
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(reason + " (CI is set, so this fails instead of being skipped)");
            }
            throw new TestAbortedException(reason);
        }
        String name = PREFIX + ProcessHandle.current().pid() + "-" + nextLab();
        try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) { // two JVMs must not pick the same subnets
            removeLeftovers();
            int slot = freeSlot();
            services = NET + (slot * 4) + ".1";
            range = NET + (slot * 4) + ".0-" + NET + (slot * 4 + 3) + ".255";
            link(name + "-s", "dl" + slot + "s", NET + (slot * 4) + ".");
            hostA = host(name + "-a", "dl" + slot + "a", NET + (slot * 4 + 1) + ".");
            hostB = host(name + "-b", "dl" + slot + "b", NET + (slot * 4 + 2) + ".");
        } catch (RuntimeException | IOException e) {
            removeAll();
            throw e;
        }
        LOG.info("Network lab {}: A {}, B {}, services {}", name, hostA, hostB, services);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        removeAll();
    }

    private static synchronized int nextLab() {
        return ++labs;
    }

    private LabHost host(String namespace, String rootDevice, String subnet) {
        link(namespace, rootDevice, subnet);
        String address = subnet + "2";
        ip("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
        ip("-n", namespace, "link", "set", "lo", "up");
        ip("-n", namespace, "link", "set", "eth0", "up");
        ip("-n", namespace, "route", "add", "default", "via", subnet + "1");
        return new LabHost(this, namespace, "eth0", subnet, address);
    }

    /** A namespace joined to the root namespace by a veth: root side {@code subnet.1/24}, far side eth0. */
    private void link(String namespace, String rootDevice, String subnet) {
        ip("netns", "add", namespace);
        namespaces.add(namespace);
        ip("link", "add", rootDevice, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        ip("addr", "add", subnet + "1/24", "dev", rootDevice);
        // Per link, so the lab stays split even where the machine forwards (net.ipv4.ip_forward=1).
        writeSysctl("/proc/sys/net/ipv4/conf/" + rootDevice + "/forwarding", "0");
        ip("link", "set", rootDevice, "up");
        ip("-n", namespace, "link", "set", "eth0", "up");
    }

    private int freeSlot() {
        Set<Integer> used = new HashSet<>();
        Matcher m = Pattern.compile("inet " + Pattern.quote(NET) + "(\\d+)\\.").matcher(ip("-4", "-o", "addr", "show"));
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)) / 4);
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            if (!used.contains(slot)) {
                return slot;
            }
        }
        throw new IllegalStateException("All " + SLOTS + " network lab subnets in " + NET + "0.0/15 are in use");
    }

    /** Namespaces of JVMs that are gone (killed before they could clean up). */
    private void removeLeftovers() {
        for (String line : ip("netns", "list").split("\n")) {
            Matcher m = OURS.matcher(line.trim());
            if (m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                LOG.info("Removing network namespace {} left by a run that was killed", m.group());
                remove(m.group());
            }
        }
    }

    private void removeAll() {
        for (String namespace : namespaces) {
            try {
                remove(namespace);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove network namespace {}", namespace, e);
            }
        }
        namespaces.clear();
    }

    /** Ends what still runs inside (a test that failed midway), then deletes it; its veth goes with it. */
    private void remove(String namespace) {
        for (String pid : ip("netns", "pids", namespace).split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        ip("netns", "del", namespace);
    }

    private static void writeSysctl(String file, String value) {
        try {
            Files.writeString(Path.of(file), value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Runs {@code ip} with these arguments; returns its output, or throws with its error message. */
    String ip(String... args) {
        List<String> command = new ArrayList<>(List.of(IP));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.trim());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + command, e);
        }
    }

    /** Why this machine cannot host the lab, if it cannot. */
    private Optional<String> missingRequirement() {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return Optional.of("this is not Linux");
        }
        if (IP == null) {
            return Optional.of("iproute2's ip command is not installed");
        }
        if (!isRoot()) {
            return Optional.of("not running as root");
        }
        String probe = PREFIX + ProcessHandle.current().pid() + "-probe";
        try {
            ip("netns", "add", probe);
            ip("netns", "del", probe);
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String findIp() {
        for (String candidate : List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
