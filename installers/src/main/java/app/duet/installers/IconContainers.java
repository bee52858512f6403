package app.duet.installers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Packs PNG images into the icon containers the installers want: Windows .ico and macOS .icns. Both
 * formats accept PNG-compressed entries (Windows Vista and later, macOS 10.7 and later), so each entry
 * is a whole PNG file behind a small header.
 */
public final class IconContainers {
    private static final int ICO_HEADER = 6;
    private static final int ICO_ENTRY = 16;
    private static final int ICNS_HEADER = 8;

    private IconContainers() {
    }

    /** A Windows icon: little-endian ICONDIR, one ICONDIRENTRY per image, then the PNG data. */
    public static byte[] ico(List<SizedPng> images) {
        if (images.isEmpty() || images.size() > 0xFFFF) {
            throw new IllegalArgumentException("an .ico holds 1 to 65535 images, got " + images.size());
        }
        int offset = ICO_HEADER + ICO_ENTRY * images.size();
        int total = offset + images.stream().mapToInt(i -> i.png().length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        for (SizedPng image : images) {
            if (image.size() > 256) {
                throw new IllegalArgumentException(".ico images are at most 256 pixels, got " + image.size());
            }
            int dimension = image.size() == 256 ? 0 : image.size(); // 0 means 256 in an ICONDIRENTRY
            out.put((byte) dimension).put((byte) dimension)
                    .put((byte) 0)          // no palette
                    .put((byte) 0)          // reserved
                    .putShort((short) 1)    // colour planes
                    .putShort((short) 32)   // bits per pixel
                    .putInt(image.png().length)
                    .putInt(offset);
            offset += image.png().length;
        }
        images.forEach(i -> out.put(i.png()));
        return out.array();
    }

    /** A macOS icon family: big-endian "icns" header, then one (type, length, PNG) element per entry. */
    public static byte[] icns(Map<String, byte[]> pngByType) {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        pngByType.forEach((type, png) -> {
            if (type.length() != 4) {
                throw new IllegalArgumentException("icns element types have four characters, got '" + type + "'");
            }
            elements.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
            elements.writeBytes(ByteBuffer.allocate(4).putInt(ICNS_HEADER + png.length).array());
            elements.writeBytes(png);
        });
        ByteBuffer out = ByteBuffer.allocate(ICNS_HEADER + elements.size());
        out.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(ICNS_HEADER + elements.size());
        out.put(elements.toByteArray());
        return out.array();
    }

    /** One square PNG image and its edge length in pixels. */
    public record SizedPng(int size, byte[] png) {
    }
}
