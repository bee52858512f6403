package app.duet.client.ui.settings;

import java.io.IOException;

/** Starting Duet, hidden, when the person logs in (an XDG autostart entry on Linux). Blocking: not on the FX thread. */
public interface StartAtLogin {
    /** False when this copy of Duet cannot be started at login (not installed, or not Linux). */
    boolean available();

    boolean enabled();

    void set(boolean on) throws IOException;
}
