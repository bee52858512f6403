package app.duet.installers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import app.duet.client.tray.DuetIcon;

/**
 * Writes the icon files the installers use into one directory: duet.png (Linux, 256 px, also the
 * app-image and .deb icon), duet-&lt;size&gt;.png for the hicolor theme sizes, duet.ico (Windows) and
 * duet.icns (macOS). Run by the build before jpackage: {@code IconGenerator OUT_DIR}.
 */
public final class IconGenerator {
    static final List<Integer> PNG_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);
    static final List<Integer> ICO_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);
    /** icns element types and their pixel sizes; the ic11-ic14 ones are the Retina (2x) variants. */
    static final Map<String, Integer> ICNS_TYPES = icnsTypes();

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: IconGenerator OUT_DIR");
        }
        writeAll(Path.of(args[0]));
    }

    static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int size : PNG_SIZES) {
            Files.write(dir.resolve("duet-" + size + ".png"), png(size));
        }
        Files.write(dir.resolve("duet.png"), png(256));
        Files.write(dir.resolve("duet.ico"),
                IconContainers.ico(ICO_SIZES.stream().map(s -> new IconContainers.SizedPng(s, png(s))).toList()));
        Map<String, byte[]> icns = new LinkedHashMap<>();
        ICNS_TYPES.forEach((type, size) -> icns.put(type, png(size)));
        Files.write(dir.resolve("duet.icns"), IconContainers.icns(icns));
    }

    static byte[] png(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(DuetIcon.render(size), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the " + size + " px icon", e);
        }
        return out.toByteArray();
    }

    private static Map<String, Integer> icnsTypes() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("ic11", 32);
        types.put("icp6", 64);
        types.put("ic12", 64);
        types.put("ic07", 128);
        types.put("ic13", 256);
        types.put("ic08", 256);
        types.put("ic14", 512);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        return Collections.unmodifiableMap(types);
    }
}
