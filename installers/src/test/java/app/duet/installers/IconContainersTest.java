package app.duet.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IconContainersTest {

    @Test
    void icoDirectoryPointsAtEachPngWithItsSize() throws IOException {
        List<IconContainers.SizedPng> images = List.of(
                new IconContainers.SizedPng(16, IconGenerator.png(16)),
                new IconContainers.SizedPng(256, IconGenerator.png(256)));

        ByteBuffer ico = ByteBuffer.wrap(IconContainers.ico(images)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type: icon").isEqualTo((short) 1);
        assertThat(ico.getShort(4)).as("count").isEqualTo((short) 2);
        for (int i = 0; i < images.size(); i++) {
            int entry = 6 + 16 * i;
            int expectedSize = images.get(i).size();
            assertThat(ico.get(entry) & 0xFF).isEqualTo(expectedSize == 256 ? 0 : expectedSize);
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            BufferedImage decoded = decode(Arrays.copyOfRange(ico.array(), offset, offset + length));
            assertThat(decoded.getWidth()).isEqualTo(expectedSize);
        }
    }

    @Test
    void icnsElementsChainToTheDeclaredTotalLength() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ic07", IconGenerator.png(128));
        entries.put("ic10", IconGenerator.png(1024));

        ByteBuffer icns = ByteBuffer.wrap(IconContainers.icns(entries));

        assertThat(type(icns, 0)).isEqualTo("icns");
        assertThat(icns.getInt(4)).isEqualTo(icns.capacity());
        int at = 8;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertThat(type(icns, at)).isEqualTo(e.getKey());
            int length = icns.getInt(at + 4);
            byte[] png = Arrays.copyOfRange(icns.array(), at + 8, at + length);
            assertThat(png).isEqualTo(e.getValue());
            at += length;
        }
        assertThat(at).isEqualTo(icns.capacity());
    }

    @Test
    void rejectsWhatTheFormatsCannotHold() {
        assertThatThrownBy(() -> IconContainers.ico(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IconContainers.ico(List.of(new IconContainers.SizedPng(512, IconGenerator.png(512)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IconContainers.icns(Map.of("ic7", new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatorWritesEveryIconFileTheInstallersUse(@TempDir Path dir) throws IOException {
        IconGenerator.writeAll(dir);

        assertThat(decode(Files.readAllBytes(dir.resolve("duet.png"))).getWidth()).isEqualTo(256);
        for (int size : IconGenerator.PNG_SIZES) {
            assertThat(decode(Files.readAllBytes(dir.resolve("duet-" + size + ".png"))).getWidth()).isEqualTo(size);
        }
        assertThat(ByteBuffer.wrap(Files.readAllBytes(dir.resolve("duet.ico"))).order(ByteOrder.LITTLE_ENDIAN).getShort(4))
                .isEqualTo((short) IconGenerator.ICO_SIZES.size());
        assertThat(type(ByteBuffer.wrap(Files.readAllBytes(dir.resolve("duet.icns"))), 0)).isEqualTo("icns");
    }

    private static String type(ByteBuffer buffer, int at) {
        return new String(buffer.array(), at, 4, StandardCharsets.US_ASCII);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a readable PNG").isNotNull();
        return image;
    }
}
