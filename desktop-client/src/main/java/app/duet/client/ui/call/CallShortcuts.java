package app.duet.client.ui.call;

import java.util.List;

import app.duet.client.ui.help.Shortcut;

/** Keyboard shortcuts of the call screen and the incoming-call dialog, shown in tooltips and in the help overlay. */
public final class CallShortcuts {
    public static final Shortcut MIC = Shortcut.of("Shortcut+D", "Mute or unmute the microphone");
    public static final Shortcut PUSH_TO_TALK = Shortcut.of(OwnMediaModel.PUSH_TO_TALK_KEY,
            "While muted: hold to talk, release to mute again");
    public static final Shortcut CAMERA = Shortcut.of("Shortcut+E", "Turn the camera off or on");
    public static final Shortcut SHARE = Shortcut.of("Shortcut+Shift+S", "Share your screen, or stop sharing");
    public static final Shortcut CHAT = Shortcut.of("Shortcut+Shift+C", "Show or hide the chat");
    public static final Shortcut SEND_FILE = Shortcut.of("Shortcut+Shift+F", "Send a file");
    public static final Shortcut QUALITY = Shortcut.of("Shortcut+I", "Show or hide call quality details");
    public static final Shortcut HANG_UP = Shortcut.of("Shortcut+Shift+H", "Hang up");
    public static final Shortcut FULL_SCREEN = Shortcut.of("F11", "Full screen");

    public static final List<Shortcut> ALL = List.of(MIC, PUSH_TO_TALK, CAMERA, SHARE, CHAT, SEND_FILE, QUALITY,
            HANG_UP, FULL_SCREEN);

    // While a call rings: V for video, A for audio, D for decline (as Teams declines); none is used in a call.
    public static final Shortcut ACCEPT_VIDEO = Shortcut.of("Shortcut+Shift+V", "Accept with video");
    public static final Shortcut ACCEPT_AUDIO = Shortcut.of("Shortcut+Shift+A", "Accept audio only (camera stays off)");
    public static final Shortcut DECLINE = Shortcut.of("Shortcut+Shift+D", "Decline (also Esc)");

    public static final List<Shortcut> RINGING = List.of(ACCEPT_VIDEO, ACCEPT_AUDIO, DECLINE);

    private CallShortcuts() {
    }
}
