package app.duet.client.testing;

import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Font;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;

/**
 * Something real to share: an AWT window over the whole virtual (Xvfb) screen that draws a document — a blue
 * title bar, lines of text and a bar chart — so that a shared screen shows a picture instead of Xvfb's black.
 * The JavaFX windows of the UI tests are not on that screen (they render headless), only this one is.
 */
public final class SharedDesktop implements AutoCloseable {
    /** The title bar's colour, which a test looks for in the far side's picture. */
    public static final Color TITLE_BAR = new Color(0x09, 0x69, 0xDA);

    private final Frame window;

    private SharedDesktop(Frame window) {
        this.window = window;
    }

    /** Shows the document and waits until the screen shows it. */
    public static SharedDesktop show() throws Exception {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        Frame window = new Frame() {
            @Override
            public void paint(Graphics g) {
                draw((Graphics2D) g, getWidth(), getHeight());
            }
        };
        window.setUndecorated(true);
        window.setBounds(screen);
        window.setVisible(true);
        Robot robot = new Robot();
        await().atMost(Waits.UI).until(() -> robot.getPixelColor(screen.x + 5, screen.y + 5).equals(TITLE_BAR));
        return new SharedDesktop(window);
    }

    private static void draw(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF6, 0xF8, 0xFA));
        g.fillRect(0, 0, width, height);
        int bar = height / 8;
        g.setColor(TITLE_BAR);
        g.fillRect(0, 0, width, bar);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, bar / 2));
        g.drawString("Roadmap 2027 — shared by Ann", bar / 3, bar * 2 / 3);
        g.setColor(new Color(0x1F, 0x23, 0x28));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, bar / 3));
        String[] lines = {"1. Calls that reach you when Duet is in the tray", "2. Missed calls and call history",
                "3. Keyboard shortcuts for answering", "4. Push-to-talk"};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], bar / 3, bar * 2 + i * bar * 2 / 3);
        }
        Color[] colours = {new Color(0x1A, 0x7F, 0x37), new Color(0xBF, 0x87, 0x00), new Color(0xCF, 0x22, 0x2E),
                new Color(0x82, 0x50, 0xDF)};
        int chartTop = height * 3 / 5;
        int column = width / 10;
        for (int i = 0; i < colours.length; i++) {
            int h = (height - chartTop - bar / 2) * (i + 2) / (colours.length + 1);
            g.setColor(colours[i]);
            g.fillRect(column * (2 * i + 1), height - bar / 2 - h, column, h);
        }
    }

    @Override
    public void close() {
        window.dispose();
    }
}
