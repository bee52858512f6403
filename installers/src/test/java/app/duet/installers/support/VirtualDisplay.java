package app.duet.installers.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Xvfb display of our own, so that the app under test is alone on the screen whatever display the
 * build runs under. Xvfb picks a free display number and reports it (-displayfd).
 */
public final class VirtualDisplay implements AutoCloseable {
    private static final Pattern WINDOW_TITLE = Pattern.compile("^\\s*0x[0-9a-f]+ \"(.*)\": \\(", Pattern.MULTILINE);

    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    public static VirtualDisplay start(int width, int height) throws IOException {
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24",
                    "-nolisten", "tcp", "-br")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot start Xvfb; scripts/install-deps.sh installs it (package xvfb)", e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = out.readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            xvfb.destroyForcibly();
            throw new IOException("Xvfb did not report a display number, said: " + number);
        }
        return new VirtualDisplay(xvfb, ":" + number.strip());
    }

    /** The DISPLAY value, e.g. ":3". */
    public String name() {
        return name;
    }

    /** Titles of every named top-level window, as xwininfo lists them. */
    public List<String> windowTitles() {
        String tree = Commands.run(List.of("xwininfo", "-root", "-tree", "-display", name)).assertSuccess().output();
        List<String> titles = new ArrayList<>();
        Matcher m = WINDOW_TITLE.matcher(tree);
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }

    /** Saves the whole screen as a PNG, taken by {@link ScreenGrab} in a JVM attached to this display. */
    public void screenshot(Path png) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Commands.run(List.of(java, "-cp", System.getProperty("java.class.path"), ScreenGrab.class.getName(), png.toString()),
                Map.of("DISPLAY", name)).assertSuccess();
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
