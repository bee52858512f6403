package app.duet.client.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Duet's application icon, drawn with Java2D at any size: two overlapping rings — two people in one
 * call — on a rounded indigo-to-teal square. Drawn from geometry rather than scaled from one bitmap,
 * so the 16-pixel menu icon stays as crisp as the 1024-pixel macOS one.
 */
public final class DuetIcon {
    private static final Color TOP = new Color(0x4F46E5);
    private static final Color BOTTOM = new Color(0x0D9488);
    private static final Color RING_LEFT = new Color(255, 255, 255, 255);
    private static final Color RING_RIGHT = new Color(255, 255, 255, 200);

    private DuetIcon() {
    }

    /** Renders the icon as a square ARGB image, transparent outside the rounded square. */
    public static BufferedImage render(int size) {
        if (size < 16) {
            throw new IllegalArgumentException("icon size must be at least 16 pixels, was " + size);
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);

            // Background: a rounded square with a small margin, as desktop icon guidelines ask.
            g.setPaint(new GradientPaint(0, 4, TOP, 0, 96, BOTTOM));
            g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 26, 26));

            // Two rings of equal size, overlapping in the middle. Thicker strokes at small sizes keep
            // them readable in a 16-pixel menu.
            double stroke = size <= 32 ? 9 : 7;
            g.setStroke(new BasicStroke((float) stroke));
            g.setColor(RING_RIGHT);
            g.draw(new Ellipse2D.Double(43, 30, 40, 40));
            g.setColor(RING_LEFT);
            g.draw(new Ellipse2D.Double(17, 30, 40, 40));
        } finally {
            g.dispose();
        }
        return image;
    }
}
