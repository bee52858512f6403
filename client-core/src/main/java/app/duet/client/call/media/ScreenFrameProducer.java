package app.duet.client.call.media;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Grabs one monitor with {@link Robot} and scales it (keeping the aspect ratio) into even output dimensions.
 * Robot hands out a new image per grab (no public API fills a caller's buffer); when the grab already has
 * the output size its pixels are copied straight across, so a frame costs one allocation and no redraw.
 */
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
        int[] grabbed = directPixels(grab);
        if (grabbed != null) {
            copyOpaque(grabbed, argb);
            return;
        }
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(grab, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        copyOpaque(scaledPixels, argb);
    }

    /** The grab's own int pixels when they can be used as the frame as they are, else null. */
    private int[] directPixels(BufferedImage grab) {
        boolean sameSize = grab.getWidth() == width && grab.getHeight() == height;
        boolean packedRgb = grab.getType() == BufferedImage.TYPE_INT_RGB || grab.getType() == BufferedImage.TYPE_INT_ARGB;
        if (!sameSize || !packedRgb || !(grab.getRaster().getDataBuffer() instanceof DataBufferInt buffer)) {
            return null;
        }
        int[] pixels = buffer.getData();
        return pixels.length == width * height ? pixels : null;
    }

    private static void copyOpaque(int[] rgb, int[] argb) {
        for (int i = 0; i < argb.length; i++) {
            argb[i] = rgb[i] | 0xFF000000;
        }
    }
}
