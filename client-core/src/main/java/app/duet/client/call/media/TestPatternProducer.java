package app.duet.client.call.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

import app.duet.client.call.video.FrameStamp;

/**
 * The synthetic camera: moving colour bars, a bouncing square, the user's name and a frame counter, plus
 * a {@link FrameStamp} along the top edge for latency measurements.
 *
 * <p>Cheap per frame on purpose (it ran at 22 % of a core at 1280x720@30 when drawn with Java2D each
 * frame): the bars are one pre-drawn row copied with a shift, the name band is pre-drawn, and only the
 * counter is drawn with Java2D, on an image the size of its text.
 */
final class TestPatternProducer implements FrameProducer {

    private static final int[] BARS = {0xFFC0C0C0, 0xFFC0C000, 0xFF00C0C0, 0xFF00C000, 0xFFC000C0, 0xFFC00000, 0xFF0000C0};
    private static final int BAND = 0xFF303030;
    private static final int BOX = 0xFFFFFFFF;

    private final int width;
    private final int height;
    private final int[] barsRow;
    private final int bandTop;
    private final int[] band;
    private final BufferedImage counter;
    private final int[] counterPixels;
    private final int counterX;
    private final int counterY;
    private final Font font;

    TestPatternProducer(int width, int height, String name) {
        this.width = width;
        this.height = height;
        this.font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 12));
        this.barsRow = barsRow(width);
        int line = font.getSize() + font.getSize() / 3;
        int bandHeight = Math.min(height, 2 * line);
        this.bandTop = Math.max(0, height - 2 * line - font.getSize() / 3);
        int bandRows = Math.min(bandHeight, height - bandTop);
        BufferedImage bandImage = new BufferedImage(width, bandRows, BufferedImage.TYPE_INT_ARGB);
        int baseline = font.getSize();
        draw(bandImage, name, font.getSize() / 2, baseline);
        this.band = ((DataBufferInt) bandImage.getRaster().getDataBuffer()).getData();
        this.counterX = 0;
        this.counterY = bandTop + Math.min(line, bandRows);
        this.counter = new BufferedImage(width, Math.max(1, bandTop + bandRows - counterY), BufferedImage.TYPE_INT_ARGB);
        this.counterPixels = ((DataBufferInt) counter.getRaster().getDataBuffer()).getData();
    }

    private static int[] barsRow(int width) {
        int[] row = new int[width];
        int barWidth = (width + BARS.length - 1) / BARS.length;
        for (int x = 0; x < width; x++) {
            row[x] = BARS[Math.min(BARS.length - 1, x / barWidth)];
        }
        return row;
    }

    /** Fills {@code image} with the band colour and writes {@code text} on it. */
    private void draw(BufferedImage image, String text, int x, int baseline) {
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(BAND, true));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(Color.WHITE);
            g.drawString(text, x, baseline);
        } finally {
            g.dispose();
        }
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
        int shift = (int) (frameNumber * 4 % width);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            if (y >= bandTop && y < bandTop + band.length / width) {
                System.arraycopy(band, (y - bandTop) * width, argb, row, width);
            } else { // the bars, moved right by shift
                System.arraycopy(barsRow, width - shift, argb, row, shift);
                System.arraycopy(barsRow, 0, argb, row + shift, width - shift);
            }
        }
        drawBox(argb, frameNumber);
        draw(counter, "frame " + frameNumber, font.getSize() / 2, counter.getHeight() - font.getSize() / 3);
        System.arraycopy(counterPixels, 0, argb, counterY * width + counterX, Math.min(counterPixels.length, argb.length - counterY * width));
        FrameStamp.encode(argb, width, frameNumber, System.currentTimeMillis());
    }

    private void drawBox(int[] argb, long frameNumber) {
        int box = height / 6;
        int travel = Math.max(1, width - box);
        long phase = frameNumber * 8 % (2L * travel);
        int boxX = (int) (phase < travel ? phase : 2L * travel - phase);
        int top = height / 2 - box / 2;
        for (int y = Math.max(0, top); y < Math.min(height, top + box); y++) {
            Arrays.fill(argb, y * width + boxX, y * width + Math.min(width, boxX + box), BOX);
        }
    }
}
