package app.duet.client.call.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import app.duet.client.call.video.FrameStamp;

/**
 * The synthetic camera: moving colour bars, a bouncing square, the user's name and a frame counter, plus
 * a {@link FrameStamp} along the top edge for latency measurements.
 */
final class TestPatternProducer implements FrameProducer {

    private static final Color[] BARS = {
        new Color(0xC0C0C0), new Color(0xC0C000), new Color(0x00C0C0), new Color(0x00C000),
        new Color(0xC000C0), new Color(0xC00000), new Color(0x0000C0)
    };

    private final int width;
    private final int height;
    private final String name;
    private final BufferedImage image;
    private final int[] imagePixels;
    private final Font font;

    TestPatternProducer(int width, int height, String name) {
        this.width = width;
        this.height = height;
        this.name = name;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        this.imagePixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 12));
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
        Graphics2D g = image.createGraphics();
        try {
            drawPattern(g, frameNumber);
        } finally {
            g.dispose();
        }
        System.arraycopy(imagePixels, 0, argb, 0, argb.length);
        FrameStamp.encode(argb, width, frameNumber, System.currentTimeMillis());
    }

    private void drawPattern(Graphics2D g, long frameNumber) {
        int barWidth = (width + BARS.length - 1) / BARS.length;
        int shift = (int) (frameNumber * 4 % width);
        for (int i = 0; i < BARS.length; i++) {
            g.setColor(BARS[i]);
            int x = (i * barWidth + shift) % width;
            g.fillRect(x, 0, barWidth, height);
            g.fillRect(x - width, 0, barWidth, height);
        }
        int box = height / 6;
        int travel = Math.max(1, width - box);
        long phase = frameNumber * 8 % (2L * travel);
        int boxX = (int) (phase < travel ? phase : 2L * travel - phase);
        g.setColor(Color.WHITE);
        g.fillRect(boxX, height / 2 - box / 2, box, box);

        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        int line = font.getSize() + font.getSize() / 3;
        int textY = height - 2 * line;
        g.setColor(new Color(0, 0, 0, 160));
        g.fillRect(0, textY - font.getSize(), width, 2 * line);
        g.setColor(Color.WHITE);
        g.drawString(name, font.getSize() / 2, textY);
        g.drawString("frame " + frameNumber, font.getSize() / 2, textY + line);
    }
}
