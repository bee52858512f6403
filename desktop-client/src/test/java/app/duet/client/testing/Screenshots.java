package app.duet.client.testing;

import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes what a window shows to PNG files, in the light and dark theme and at a small and a large size.
 * The directory is {@code -Dduet.screenshots.dir} (docs/screenshots when refreshing the docs), else
 * target/screenshots.
 */
public final class Screenshots {
    public static final double[][] SIZES = {{480, 360}, {1440, 900}};

    private final Path dir;

    public Screenshots() {
        this.dir = Path.of(System.getProperty("duet.screenshots.dir", "target/screenshots"));
    }

    /** Shoots the window in both themes and both sizes; returns the image files. */
    public java.util.List<Path> shoot(UiClient ui, String name) {
        java.util.List<Path> files = new java.util.ArrayList<>();
        double w = ui.stage().getWidth();
        double h = ui.stage().getHeight();
        for (boolean dark : new boolean[] {false, true}) {
            for (double[] size : SIZES) {
                UiClient.onFx(() -> {
                    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                            : new PrimerLight().getUserAgentStylesheet());
                    ui.stage().setWidth(size[0]);
                    ui.stage().setHeight(size[1]);
                    return null;
                });
                // A loaded machine may take more than a few events to resize: wait for the size, then the layout.
                await().atMost(Waits.UI).until(() -> UiClient.onFx(() -> ui.stage().getScene().getWidth() == size[0]
                        && ui.stage().getScene().getHeight() == size[1]));
                WaitForAsyncUtils.waitForFxEvents(4);
                String file = name + "-" + (dark ? "dark" : "light") + "-" + (size[0] < 800 ? "small" : "large") + ".png";
                files.add(write(ui, file));
            }
        }
        UiClient.onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            ui.stage().setWidth(w);
            ui.stage().setHeight(h);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return files;
    }

    /**
     * Writes {@code area} of the X screen as {@code name}.png: what other programs draw there, such as a
     * notification daemon's popup or the tray's menu (taken with AWT's Robot, which reads the X server).
     */
    public Path screen(String name, java.awt.Rectangle area) {
        try {
            return save(new java.awt.Robot().createScreenCapture(area), name + ".png");
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException("no screen to capture", e);
        }
    }

    private Path write(UiClient ui, String file) {
        WritableImage image = UiClient.onFx(() -> ui.stage().getScene().snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return save(out, file);
    }

    private Path save(BufferedImage out, String file) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(file);
            ImageIO.write(out, "png", target.toFile());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
