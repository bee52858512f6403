package app.duet.client.testing;

import static org.awaitility.Awaitility.await;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private desktop session on the test's X display: a session D-Bus ({@code dbus-daemon}) on a socket in
 * {@code dir}, the real notification daemon dunst on it, and (optionally) trayer, a panel holding the XEmbed
 * system tray that AWT's tray icons dock into. Apps under test get {@link #env()} (its DBUS_SESSION_BUS_ADDRESS). Dunst shows no buttons; a person picks a notification's
 * action from its context menu, which dunst hands to a dmenu-like program: here {@code dmenu.sh}, which
 * writes the menu to {@code menu.txt} (so the test reads back every action shown) and picks the line
 * {@code choice} names, as a person would. Dunst then sends ActionInvoked itself.
 */
public final class DesktopSession implements AutoCloseable {
    private static final String NO_CHOICE = "(nothing)";
    private final Path dir;
    /** A line of {@code xwininfo -root -tree}: indent, id, "name", then size+x+y relative and +x+y absolute. */
    private static final Pattern TREE_LINE = Pattern.compile(
            "^(\\s+)0x\\p{XDigit}+ \"([^\"]*)\".*\\s(\\d+)x(\\d+)\\+-?\\d+\\+-?\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)\\s*$");
    /** How deep xwininfo indents the root's children: a window indented more sits inside another. */
    private static final int TOP_LEVEL_INDENT = 5;
    private final String busAddress;
    private final List<Process> processes = new ArrayList<>();

    private DesktopSession(Path dir) {
        this.dir = dir;
        this.busAddress = "unix:path=" + dir.resolve("bus");
    }

    /** Starts them on {@code display}; fails when one is missing or does not come up. */
    public static DesktopSession start(Path dir, String display, boolean tray) throws IOException {
        Files.createDirectories(dir);
        DesktopSession daemon = new DesktopSession(dir);
        try {
            daemon.startProcesses(display);
            if (tray) {
                daemon.startTray(display);
            }
            return daemon;
        } catch (IOException | RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    private void startProcesses(String display) throws IOException {
        Files.deleteIfExists(dir.resolve("bus"));
        Path dmenu = dir.resolve("dmenu.sh");
        Files.writeString(dmenu, "#!/bin/sh\n"
                + "cat > '" + dir.resolve("menu.tmp") + "'\n"
                + "grep -F -- \"$(cat '" + dir.resolve("choice") + "')\" '" + dir.resolve("menu.tmp") + "' | head -n 1\n"
                + "mv '" + dir.resolve("menu.tmp") + "' '" + dir.resolve("menu.txt") + "'\n");
        dmenu.toFile().setExecutable(true);
        Files.writeString(dir.resolve("dunstrc"), "[global]\n    dmenu = " + dmenu + "\n    font = DejaVu Sans 11\n"
                + "    width = 420\n    offset = 24x48\n    origin = top-right\n    padding = 12\n    horizontal_padding = 14\n");
        // No service directories: nothing is started on demand, so the only notification service is the dunst
        // started below (the stock session config would start another dunst, with its own settings, for the
        // first call that comes before ours owns the name).
        Files.writeString(dir.resolve("session.conf"), "<busconfig><type>session</type><listen>" + busAddress
                + "</listen><auth>EXTERNAL</auth><policy context=\"default\"><allow user=\"*\"/>"
                + "<allow send_destination=\"*\"/><allow receive_sender=\"*\"/><allow own=\"*\"/></policy></busconfig>\n");
        processes.add(new ProcessBuilder("dbus-daemon", "--config-file=" + dir.resolve("session.conf"), "--nofork",
                "--nopidfile").redirectErrorStream(true).redirectOutput(dir.resolve("dbus.log").toFile()).start());
        await().atMost(Waits.UI).until(() -> Files.exists(dir.resolve("bus")));
        ProcessBuilder dunst = new ProcessBuilder("dunst", "-config", dir.resolve("dunstrc").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dunst.log").toFile());
        dunst.environment().putAll(env());
        dunst.environment().put("DISPLAY", display);
        processes.add(dunst.start());
        await().atMost(Waits.UI).ignoreExceptions().until(() -> dunstctl("is-paused").trim().equals("false"));
    }

    private void startTray(String display) throws IOException {
        ProcessBuilder trayer = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype",
                "pixel", "--width", "96", "--heighttype", "pixel", "--height", "32", "--SetDockType", "true")
                .redirectErrorStream(true).redirectOutput(dir.resolve("trayer.log").toFile());
        trayer.environment().put("DISPLAY", display);
        processes.add(trayer.start());
        // trayer takes the _NET_SYSTEM_TRAY_S0 selection (what AWT looks for) before it maps its panel.
        await().atMost(Waits.UI).ignoreExceptions()
                .until(() -> !run(List.of("xdotool", "search", "--classname", "trayer")).isBlank());
    }

    /** The environment an app needs to use this session's notifications. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
        return env;
    }

    /** Notifications on screen or waiting for room on it, as dunst counts them. */
    public int shown() throws IOException {
        return Integer.parseInt(dunstctl("count", "displayed").trim()) + Integer.parseInt(dunstctl("count", "waiting").trim());
    }

    /** Every action of the notifications on screen, as dunst's menu lists them: "#Label (summary) [id,key]". */
    public List<String> actions() throws IOException {
        return menu(NO_CHOICE);
    }

    /** Picks the action labelled {@code label} from dunst's menu, as a person would. */
    public void choose(String label) throws IOException {
        menu("#" + label + " (");
    }

    private List<String> menu(String choice) throws IOException {
        Files.writeString(dir.resolve("choice"), choice);
        Files.deleteIfExists(dir.resolve("menu.txt"));
        dunstctl("context");
        await().atMost(Waits.UI).until(() -> Files.exists(dir.resolve("menu.txt")));
        return Files.readAllLines(dir.resolve("menu.txt"));
    }

    /**
     * Where AWT's tray icon is on screen, once it is docked: its embedded window sits inside trayer's panel
     * (before that it is a window of its own at the root).
     */
    public Rectangle dockedTrayIcon() {
        return await().atMost(Waits.UI).until(() -> window("JavaEmbeddedFrame", true), Optional::isPresent).orElseThrow();
    }

    /** The tray icon's menu, once AWT shows it. */
    public Rectangle trayMenu() {
        return await().atMost(Waits.UI).until(() -> window("sun-awt-X11-XPopupMenuPeer", false), Optional::isPresent)
                .orElseThrow();
    }

    /** A real click of {@code button} (1 left, 3 right) at the centre of {@code area}, as a person's (xdotool). */
    public void click(Rectangle area, int button) throws IOException {
        run(List.of("xdotool", "mousemove", String.valueOf((int) area.getCenterX()), String.valueOf((int) area.getCenterY()),
                "click", String.valueOf(button)));
    }

    /** Real key presses on the display, e.g. "Down", "Return" (xdotool). */
    public void keys(String... keys) throws IOException {
        List<String> command = new ArrayList<>(List.of("xdotool", "key"));
        command.addAll(List.of(keys));
        run(command);
    }

    private Optional<Rectangle> window(String name, boolean inside) throws IOException {
        for (String line : run(List.of("xwininfo", "-root", "-tree")).split("\n")) {
            Matcher m = TREE_LINE.matcher(line);
            if (m.matches() && m.group(2).equals(name) && (m.group(1).length() > TOP_LEVEL_INDENT) == inside) {
                return Optional.of(new Rectangle(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
        }
        return Optional.empty();
    }

    private String dunstctl(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("dunstctl"));
        command.addAll(List.of(args));
        return run(command);
    }

    private String run(List<String> command) throws IOException {
        String args = String.join(" ", command);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env());
        Process p = builder.start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(args + " did not answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(args + " failed: " + out);
        }
        return out;
    }

    /** Stops dunst, then the bus. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

}
