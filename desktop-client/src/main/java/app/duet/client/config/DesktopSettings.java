package app.duet.client.config;

/**
 * How Duet lives on the desktop: do not disturb (rings are not rung, so they end as missed), what closing the
 * window does, and whether a ring raises the window instead of only asking for attention.
 */
public record DesktopSettings(boolean doNotDisturb, CloseAction onClose, boolean raiseOnRing) {

    /** What closing the window does; ASK until the person has answered the question once. */
    public enum CloseAction { ASK, TRAY, QUIT }

    public static final DesktopSettings DEFAULTS = new DesktopSettings(false, CloseAction.ASK, false);

    public DesktopSettings withDoNotDisturb(boolean value) {
        return new DesktopSettings(value, onClose, raiseOnRing);
    }

    public DesktopSettings withOnClose(CloseAction value) {
        return new DesktopSettings(doNotDisturb, value, raiseOnRing);
    }

    public DesktopSettings withRaiseOnRing(boolean value) {
        return new DesktopSettings(doNotDisturb, onClose, value);
    }
}
