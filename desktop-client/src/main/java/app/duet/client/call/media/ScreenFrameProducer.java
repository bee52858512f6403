package app.duet.client.call.media;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Grabs one monitor with {@link Robot} and scales it (keeping the aspect ratio) into even output dimensions. */
final class ScreenFrameProducer implements FrameProducer {

    private final Robot robot;
    private final Rectangle area;
    private final int width;
    private final int height;
    private final BufferedImage scaled;
    private final int[] scaledPixels;

    ScreenFrameProducer(Robot robot, Rectangle area, int maxWidth, int maxHeight) {
        this.robot = robot;
        this.area = area;
        double scale = Math.min(1.0, Math.min((double) maxWidth / area.width, (double) maxHeight / area.height));
        this.width = Math.max(2, (int) (area.width * scale) & ~1);
        this.height = Math.max(2, (int) (area.height * scale) & ~1);
        this.scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.scaledPixels = ((DataBufferInt) scaled.getRaster().getDataBuffer()).getData();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void produce(int[] argb, long frameNumber) {
        BufferedImage grab = robot.createScreenCapture(area);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(grab, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        for (int i = 0; i < argb.length; i++) {
            argb[i] = scaledPixels[i] | 0xFF000000;
        }
    }
}
