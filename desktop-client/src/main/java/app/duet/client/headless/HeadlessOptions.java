package app.duet.client.headless;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Flags of the headless client (see docs/headless.md). */
@Command(name = "duet-headless", mixinStandardHelpOptions = true, version = "Duet headless 0.1.0",
        sortOptions = false,
        description = {"Duet without a window: log in, join a channel, call or answer, print call stats as "
                + "JSON lines on stdout. Logs go to stderr.",
                "Exit codes: 0 ok, 1 error, 2 usage, 3 server unreachable, 4 login failed, 5 channel failed, "
                        + "6 peer absent, 7 call failed, 8 declined, 9 no answer, 10 busy, 11 call lost, "
                        + "12 no call, 13 leftover threads."})
public final class HeadlessOptions {

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("(\\d{1,4})[xX](\\d{1,4})");

    /** What the client does once it is in the channel. */
    public enum Mode { CALL, ANSWER, DECLINE, ECHO, IDLE }

    /** What the call sends. */
    public enum MediaKind { AUDIO, VIDEO, SCREEN }

    @Option(names = {"-s", "--server"}, required = true, paramLabel = "URI",
            description = "Signaling server, e.g. ws://127.0.0.1:8686.")
    URI server;

    @Option(names = {"-u", "--user"}, required = true, paramLabel = "NAME", description = "Username.")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "Password (or set DUET_PASSWORD, which keeps it out of the process list).")
    String password;

    @Option(names = "--signup", description = "Create the account if logging in says it does not exist.")
    boolean signup;

    @Option(names = "--display-name", paramLabel = "TEXT", description = "Display name for --signup and the "
            + "synthetic camera (default: the username).")
    String displayName;

    @Option(names = "--email", paramLabel = "ADDRESS",
            description = "E-mail for --signup (default: <user>@example.invalid).")
    String email;

    @Option(names = {"-c", "--channel"}, required = true, paramLabel = "NAME",
            description = "Channel to join; created when it does not exist. Channels are private: without "
                    + "--invite, a client that is not a member asks the owner to let it in.")
    String channel;

    @Option(names = "--invite", paramLabel = "LINK", description = "Join with this invite link (or its token).")
    String invite;

    @Option(names = "--admit-requests", description = "Let in whoever asks to join the channel (for bots and "
            + "tests; a person's channel wants invites).")
    boolean admitRequests;

    @ArgGroup(exclusive = true)
    ModeFlags modeFlags = new ModeFlags();

    static final class ModeFlags {
        @Option(names = "--call", description = "Ring the other member once they are online.")
        boolean call;

        @Option(names = "--answer", description = "Answer the first incoming call.")
        boolean answer;

        @Option(names = "--decline", description = "Decline the first incoming call, then exit.")
        boolean decline;

        @Option(names = "--echo", description = "Echo bot: answer every call, send back chat messages and "
                + "files, keep running.")
        boolean echo;
    }

    @Option(names = {"-m", "--media"}, paramLabel = "KIND", defaultValue = "video",
            converter = MediaKindConverter.class,
            description = "audio, video or screen (a video call that shares the first screen). Default: video.")
    MediaKind media;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Hang up this long after the call connected (e.g. 30s, 2m, 500ms). With no call "
                    + "mode: stay online this long. Default: until the far side hangs up.")
    Duration duration;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long --call waits for the other member to come online and --answer/--decline "
                    + "wait for a call. Default: 60s.")
    Duration wait;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How long an accepted call may take to connect media. Default: 30s.")
    Duration connectTimeout;

    @Option(names = "--force-relay", description = "Send media only through the server's TURN relay.")
    boolean forceRelay;

    @Option(names = "--synthetic", description = "Send the test pattern and a 440 Hz tone even when a camera "
            + "or microphone exists (they are used automatically when there is none).")
    boolean synthetic;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x480",
            description = "Camera / test pattern size. Default: 640x480.")
    String size;

    @Option(names = "--fps", paramLabel = "N", defaultValue = "30", description = "Frames per second. Default: 30.")
    int fps;

    @Option(names = "--chat", paramLabel = "TEXT", description = "Send this chat message once the call's data "
            + "channel is open (repeatable).")
    List<String> chat = new ArrayList<>();

    @Option(names = "--send-file", paramLabel = "FILE", description = "Send this file once the data channel "
            + "is open (repeatable).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--download-dir", paramLabel = "DIR",
            description = "Where received files go (default: a new temporary directory).")
    Path downloadDir;

    @Option(names = "--json-out", paramLabel = "FILE",
            description = "Write the JSON lines to this file instead of stdout.")
    Path jsonOut;

    public Mode mode() {
        if (modeFlags.call) {
            return Mode.CALL;
        }
        if (modeFlags.answer) {
            return Mode.ANSWER;
        }
        if (modeFlags.decline) {
            return Mode.DECLINE;
        }
        return modeFlags.echo ? Mode.ECHO : Mode.IDLE;
    }

    public String displayNameOrUser() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    public String emailOrDefault() {
        return email == null || email.isBlank() ? username + "@example.invalid" : email;
    }

    public int width() {
        return parseSize()[0];
    }

    public int height() {
        return parseSize()[1];
    }

    /** Checks what picocli cannot; returns a sentence for the user, or null when all is well. */
    public String problem(String passwordFromEnv) {
        if (password == null && (passwordFromEnv == null || passwordFromEnv.isEmpty())) {
            return "Give a password with --password or the DUET_PASSWORD environment variable.";
        }
        if (!"ws".equals(server.getScheme()) && !"wss".equals(server.getScheme())) {
            return "--server must be a ws:// or wss:// address, not " + server;
        }
        try {
            parseSize();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (fps < 1 || fps > 60) {
            return "--fps must be between 1 and 60.";
        }
        return null;
    }

    public String passwordOr(String passwordFromEnv) {
        return password != null ? password : passwordFromEnv;
    }

    private int[] parseSize() {
        java.util.regex.Matcher m = SIZE.matcher(size.trim());
        if (m.matches()) {
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            if (w >= 16 && h >= 16 && w <= 3840 && h <= 2160 && w % 2 == 0 && h % 2 == 0) {
                return new int[] {w, h};
            }
        }
        throw new IllegalArgumentException("--size must look like 640x480 (even numbers, 16x16 to 3840x2160), not "
                + size);
    }
}
