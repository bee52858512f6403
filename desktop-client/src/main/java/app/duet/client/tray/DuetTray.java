package app.duet.client.tray;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duet's icon in the system tray (AWT: the XEmbed tray on Linux, the notification area on Windows, the menu
 * bar on macOS) with its menu — Show Duet, Do not disturb, Quit — and a red badge counting missed calls. AWT
 * work runs on AWT's event thread; the menu's commands run on the UI executor.
 */
public final class DuetTray implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DuetTray.class);

    private final TrayIcon icon;
    private final CheckboxMenuItem doNotDisturb;
    private final BufferedImage plain;

    /** What the tray's menu does; run on the UI thread. */
    public interface Commands {
        void show();

        void doNotDisturb(boolean on);

        void quit();
    }

    private DuetTray(TrayIcon icon, CheckboxMenuItem doNotDisturb, BufferedImage plain) {
        this.icon = icon;
        this.doNotDisturb = doNotDisturb;
        this.plain = plain;
    }

    /**
     * Adds the icon; empty (said once in the log) when this desktop has no tray, e.g. GNOME without the
     * AppIndicator extension. Blocks while AWT starts: call it off the FX thread.
     */
    public static Optional<DuetTray> install(BufferedImage image, boolean dndOn, Commands commands, Executor ui) {
        if (!SystemTray.isSupported()) {
            log.info("This desktop has no system tray: closing Duet's window quits it, and it starts with its window");
            return Optional.empty();
        }
        PopupMenu menu = new PopupMenu();
        MenuItem show = new MenuItem("Show Duet");
        show.addActionListener(e -> ui.execute(commands::show));
        CheckboxMenuItem dnd = new CheckboxMenuItem("Do not disturb", dndOn);
        dnd.addItemListener(e -> ui.execute(() -> commands.doNotDisturb(dnd.getState())));
        MenuItem quit = new MenuItem("Quit Duet");
        quit.addActionListener(e -> ui.execute(commands::quit));
        menu.add(show);
        menu.add(dnd);
        menu.addSeparator();
        menu.add(quit);
        TrayIcon icon = new TrayIcon(image, "Duet", menu);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> ui.execute(commands::show));
        try {
            SystemTray.getSystemTray().add(icon);
        } catch (AWTException e) {
            log.info("The system tray refused Duet's icon ({}): closing the window quits Duet", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new DuetTray(icon, dnd, image));
    }

    /** Shows {@code count} missed calls on the icon (none: the plain icon). */
    public void setMissedCount(int count) {
        BufferedImage image = count <= 0 ? plain : badged(plain, count);
        String tip = count <= 0 ? "Duet" : "Duet — " + count + (count == 1 ? " missed call" : " missed calls");
        EventQueue.invokeLater(() -> {
            icon.setImage(image);
            icon.setToolTip(tip);
        });
    }

    /** Keeps the menu's tick in step when do not disturb changes in Settings. */
    public void setDoNotDisturb(boolean on) {
        EventQueue.invokeLater(() -> doNotDisturb.setState(on));
    }

    /** A balloon next to the icon (Windows, macOS): the notification there, clicking it shows Duet. */
    public void message(String caption, String text) {
        EventQueue.invokeLater(() -> icon.displayMessage(caption, text, TrayIcon.MessageType.INFO));
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    static BufferedImage badged(BufferedImage base, int count) {
        int size = base.getWidth();
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(base, 0, 0, null);
            int d = size * 11 / 20;
            g.setColor(new Color(0xDC2626));
            g.fillOval(size - d, 0, d, d);
            g.setColor(Color.WHITE);
            String text = count > 9 ? "9+" : Integer.toString(count);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, d * 3 / 4)));
            var m = g.getFontMetrics();
            g.drawString(text, size - d + (d - m.stringWidth(text)) / 2, (d + m.getAscent() - m.getDescent()) / 2);
        } finally {
            g.dispose();
        }
        return out;
    }
}
