package app.duet.installers.support;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** {@code ScreenGrab OUT.png}: writes a screenshot of $DISPLAY's default screen. Run in its own JVM. */
public final class ScreenGrab {
    private ScreenGrab() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Rectangle bounds = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        BufferedImage shot = new Robot().createScreenCapture(bounds);
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (!ImageIO.write(shot, "png", out.toFile())) {
            throw new IllegalStateException("no PNG writer");
        }
    }
}
