package app.duet.client.ui.fakes;

import java.util.ArrayList;
import java.util.List;

import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.verify.VerifyEmailViewModel;

/** A {@link Navigator} that writes down where it was sent. */
public final class RecordingNavigator implements Navigator {
    private final List<String> visits = new ArrayList<>();
    private UserMessage notice;

    /** The screens asked for, in order: "welcome", "login", "login as ann", "channels", … */
    public List<String> visits() {
        return List.copyOf(visits);
    }

    /** The notice passed with the last {@link #login(String, UserMessage)}, {@link #welcome(UserMessage)} or
     * {@link #verifyEmail}. */
    public UserMessage notice() {
        return notice;
    }

    @Override
    public void welcome() {
        visits.add("welcome");
    }

    @Override
    public void welcome(UserMessage notice) {
        this.notice = notice;
        visits.add("welcome");
    }

    @Override
    public void account() {
        visits.add("account");
    }

    @Override
    public void signup() {
        visits.add("signup");
    }

    @Override
    public void login() {
        visits.add("login");
    }

    @Override
    public void login(String username, UserMessage notice) {
        this.notice = notice;
        visits.add(username.isEmpty() ? "login" : "login as " + username);
    }

    @Override
    public void forgotPassword() {
        visits.add("forgotPassword");
    }

    @Override
    public void verifyEmail(VerifyEmailViewModel.Pending pending, UserMessage notice) {
        this.notice = notice;
        visits.add("verifyEmail as " + pending.username());
    }

    @Override
    public void channels() {
        visits.add("channels");
    }

    @Override
    public void settings() {
        visits.add("settings");
    }

    @Override
    public void back() {
        visits.add("back");
    }
}
