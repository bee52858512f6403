package app.duet.client;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import app.duet.client.signaling.EmailVerificationClient;
import app.duet.client.signaling.ProfileClient;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.ui.account.AccountView;
import app.duet.client.ui.account.AccountViewModel;
import app.duet.client.ui.call.CallCoordinator;
import app.duet.client.ui.call.FilePicker;
import app.duet.client.ui.call.CallShortcuts;
import app.duet.client.signaling.HistoryClient;
import app.duet.client.signaling.ChannelAccessClient;
import app.duet.client.ui.channels.ChannelAccessModel;
import app.duet.client.ui.invites.InviteDialog;
import app.duet.client.ui.invites.InviteViewModel;
import app.duet.client.ui.channels.ChannelHistoryModel;
import app.duet.client.ui.channels.ChannelsView;
import app.duet.client.ui.channels.ChannelsViewModel;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.FrameTicker;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.help.HelpOverlay;
import app.duet.client.ui.help.Shortcut;
import app.duet.client.ui.links.LinkOpener;
import app.duet.client.ui.login.LoginView;
import app.duet.client.ui.login.LoginViewModel;
import app.duet.client.ui.reset.ResetPasswordView;
import app.duet.client.ui.reset.ResetPasswordViewModel;
import app.duet.client.ui.settings.DeviceAccess;
import app.duet.client.ui.settings.DeviceSettingsModel;
import app.duet.client.ui.settings.SettingsView;
import app.duet.client.ui.settings.DesktopSettingsModel;
import app.duet.client.ui.settings.SettingsViewModel;
import app.duet.client.ui.settings.StartAtLogin;
import app.duet.client.ui.shell.MainWindow;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.shell.Screen;
import app.duet.client.ui.shell.ServerSwitch;
import app.duet.client.ui.shell.SessionState;
import app.duet.client.ui.signup.SignupView;
import app.duet.client.ui.signup.SignupViewModel;
import app.duet.client.ui.verify.VerifyEmailView;
import app.duet.client.ui.verify.VerifyEmailViewModel;
import app.duet.client.ui.welcome.WelcomeView;
import app.duet.client.ui.welcome.WelcomeViewModel;
import app.duet.protocol.ErrorCode;

/**
 * Builds each screen with its view model and moves between them; also reacts to the session starting or
 * ending on its own (remembered session resumed, session revoked), shows what opening an invite link needs, and
 * owns the global shortcuts.
 */
final class Screens implements Navigator, SignalingListener {
    private static final KeyCombination SETTINGS = KeyCombination.valueOf("Shortcut+Comma");

    private final MainWindow window;
    private final SignalingClient client;
    private final SessionState session;
    private final Preferences preferences;
    private final Background background;
    private final ServerSwitch serverSwitch;
    private final HistoryClient history;
    private final ChannelAccessClient channelAccess;
    private final DeviceAccess devices;
    private final CallCoordinator calls;
    private final StartAtLogin startAtLogin;
    private final FilePicker files;
    private final ProfileClient profile;
    private final EmailVerificationClient verification;
    private final LinkOpener links;
    private HelpOverlay help;
    private Runnable beforeSettings = this::welcome;

    Screens(MainWindow window, SignalingClient client, SessionState session, Preferences preferences,
            Background background, DeviceAccess devices, CallCoordinator calls, StartAtLogin startAtLogin,
            FilePicker files) {
        this.window = window;
        this.client = client;
        this.session = session;
        this.preferences = preferences;
        this.background = background;
        this.devices = devices;
        this.calls = calls;
        this.startAtLogin = startAtLogin;
        this.files = files;
        this.profile = new ProfileClient(client);
        this.verification = new EmailVerificationClient(client);
        this.serverSwitch = new ServerSwitch(client, preferences, session);
        this.history = new HistoryClient(client); // before the client starts: it keeps the sign-in's missed calls
        this.channelAccess = new ChannelAccessClient(client);
        client.addListener(this, background.uiExecutor());
        this.links = new LinkOpener(client, client, client::hasSession, session, serverSwitch,
                new LinkPrompts(window, this::showWelcome, this::showChannel),
                background.uiExecutor());
    }

    /** Opens an invite link (from the command line, a later start, or the desktop's open-URL event). */
    void openLink(String link) {
        links.open(link);
    }

    /** The first screen: channels when already signed in, welcome otherwise (resuming shows a notice). */
    void start() {
        if (session.signedIn()) {
            channels();
        } else if (client.hasSession()) {
            showWelcome(UserMessage.info("Signing you in…"));
        } else {
            welcome();
        }
    }

    void installShortcuts(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1) {
                toggleHelp();
                e.consume();
            } else if (SETTINGS.match(e) && !(window.current() instanceof SettingsView)) {
                settings();
                e.consume();
            }
        });
        // '?' is a typed character (Shift+/ on most layouts), so it is matched on KEY_TYPED; not while typing text.
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                toggleHelp();
                e.consume();
            }
        });
    }

    void toggleHelp() {
        if (help != null) {
            window.closeOverlay(help);
            help = null;
            return;
        }
        Map<String, List<Shortcut>> sections = new LinkedHashMap<>();
        sections.put("While a call rings", CallShortcuts.RINGING);
        sections.put("During a call", CallShortcuts.ALL);
        help = new HelpOverlay(sections, this::toggleHelp);
        window.showOverlay(help, this::toggleHelp);
    }

    @Override
    public void welcome() {
        showWelcome(null);
    }

    @Override
    public void welcome(UserMessage notice) {
        showWelcome(notice);
    }

    @Override
    public void signup() {
        show(new SignupView(new SignupViewModel(client, verification.verifiesEmail(), this, background.uiExecutor())));
    }

    @Override
    public void login() {
        login("", null);
    }

    @Override
    public void login(String username, UserMessage notice) {
        show(new LoginView(new LoginViewModel(client, this, background.uiExecutor(), username, notice)));
    }

    @Override
    public void forgotPassword() {
        show(new ResetPasswordView(new ResetPasswordViewModel(client, this, background.uiExecutor())));
    }

    @Override
    public void verifyEmail(VerifyEmailViewModel.Pending pending, UserMessage notice) {
        show(new VerifyEmailView(new VerifyEmailViewModel(verification, this, background.uiExecutor(), pending, notice)));
    }

    @Override
    public void channels() {
        show(channelsView());
    }

    /** The channels after a call, the focus on the card of the channel the call was in. */
    void channelsAfterCall(String channel) {
        ChannelsView view = channelsView();
        view.focusCardOf(channel);
        show(view);
    }

    private ChannelsView channelsView() {
        return channelsView(null);
    }

    private ChannelsView channelsView(UserMessage notice) {
        ChannelsViewModel model = new ChannelsViewModel(client, channelAccess, client, client, session, this, calls,
                background.uiExecutor());
        model.notice(notice);
        return new ChannelsView(model, new ChannelAccessModel(channelAccess, client, model::refresh, background.uiExecutor()),
                new ChannelHistoryModel(history, client, background.uiExecutor()), this::showInvites);
    }

    /** The owner's "Invite…" dialog of {@code channel}, above the channels; Escape or Close closes it. */
    private void showInvites(String channel) {
        InviteDialog[] dialog = new InviteDialog[1];
        Runnable close = () -> window.closeOverlay(dialog[0]);
        dialog[0] = new InviteDialog(new InviteViewModel(channelAccess, client.serverUri(), channel,
                background.uiExecutor()), ZoneId.systemDefault(), close);
        window.showOverlay(dialog[0], close);
    }

    /** The channels, {@code channel}'s card in focus, with {@code message} above them. */
    private void showChannel(String channel, UserMessage message) {
        ChannelsView view = channelsView(message);
        view.focusCardOf(channel);
        show(view);
    }

    @Override
    public void settings() {
        Screen current = window.current();
        beforeSettings = current instanceof ChannelsView ? this::channels
                : current instanceof AccountView ? this::account
                : current instanceof LoginView ? this::login : this::welcome;
        DeviceSettingsModel deviceModel = new DeviceSettingsModel(devices, background, preferences, new FrameTicker());
        show(new SettingsView(new SettingsViewModel(preferences, serverSwitch, this, deviceModel, client, session,
                background.uiExecutor()), new DesktopSettingsModel(preferences, startAtLogin, background)));
    }

    @Override
    public void account() {
        show(new AccountView(new AccountViewModel(profile, session, this, background), files));
    }

    @Override
    public void back() {
        beforeSettings.run();
    }

    @Override
    public void onSignedIn(app.duet.protocol.Result.Auth auth, boolean resumed) {
        // A remembered session came back by itself: leave the welcome/login screens.
        if (resumed && isSignedOutScreen(window.current())) {
            channels();
        }
    }

    @Override
    public void onSignedOut(SignOutReason reason) {
        calls.signedOut();
        if (reason == SignOutReason.SESSION_EXPIRED) {
            login("", UserMessage.warning("Your session has ended.",
                    "It expired, or your password was changed on another device. Log in again."));
        } else if (reason == SignOutReason.ACCOUNT_CLOSED) {
            login("", ErrorMessages.of(ErrorCode.ACCOUNT_DISABLED, ""));
        }
    }

    /** Logs out from anywhere (the call screen's menu); the welcome screen follows. */
    void logOut() {
        client.logout().whenCompleteAsync((ok, error) -> welcome(), background.uiExecutor());
    }

    void close() {
        client.removeListener(this);
        client.removeListener(links);
        calls.signedOut();
    }

    private void showWelcome(UserMessage notice) {
        show(new WelcomeView(new WelcomeViewModel(this, session, serverSwitch, notice)));
    }

    private void show(Screen screen) {
        window.show(screen);
    }

    private static boolean isSignedOutScreen(Screen screen) {
        return screen == null || screen instanceof WelcomeView || screen instanceof LoginView
                || screen instanceof SignupView;
    }
}
