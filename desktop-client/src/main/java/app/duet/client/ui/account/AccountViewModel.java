package app.duet.client.ui.account;

import app.duet.client.signaling.ProfileService;
import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.AccountChecks;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.FormStatus;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.shell.SessionState;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.UserInfo;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The account screen: a new display name, a new password (with the current one), a copy of the account's data
 * saved to a file, and deleting the account after its password confirms it. One request at a time; every
 * outcome shows in the one message line.
 */
public final class AccountViewModel {
    private final ProfileService profile;
    private final SessionState session;
    private final Navigator navigator;
    private final Background background;
    private final FormStatus status;
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty confirmPassword = new SimpleStringProperty("");
    private final StringProperty deletePassword = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper confirmingDelete = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canChangePassword;
    private final BooleanBinding canDelete;

    public AccountViewModel(ProfileService profile, SessionState session, Navigator navigator, Background background) {
        this.profile = profile;
        this.session = session;
        this.navigator = navigator;
        this.background = background;
        this.status = new FormStatus(background.uiExecutor());
        UserInfo user = session.userProperty().get();
        displayName.set(user == null ? "" : user.displayName());
        ReadOnlyBooleanProperty busy = status.busyProperty();
        canChangePassword = Bindings.createBooleanBinding(() -> !busy.get() && !currentPassword.get().isEmpty()
                && !newPassword.get().isEmpty(), busy, currentPassword, newPassword);
        canDelete = Bindings.createBooleanBinding(() -> !busy.get() && !deletePassword.get().isEmpty(), busy, deletePassword);
    }

    /** The signed-in user's username, which never changes. */
    public String username() {
        UserInfo user = session.userProperty().get();
        return user == null ? "" : user.username();
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty currentPasswordProperty() {
        return currentPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty confirmPasswordProperty() {
        return confirmPassword;
    }

    public StringProperty deletePasswordProperty() {
        return deletePassword;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return status.messageProperty();
    }

    public BooleanBinding canChangePasswordProperty() {
        return canChangePassword;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    /** True while "delete my account" waits for the password that confirms it. */
    public ReadOnlyBooleanProperty confirmingDeleteProperty() {
        return confirmingDelete.getReadOnlyProperty();
    }

    public void saveDisplayName() {
        String name = displayName.get().strip();
        Optional<UserMessage> problem = AccountChecks.displayName(name);
        if (problem.isPresent()) {
            status.show(problem.get());
            return;
        }
        status.send(profile.changeDisplayName(name), user -> {
            displayName.set(user.displayName());
            status.show(UserMessage.success("Others now see you as \"" + user.displayName() + "\"."));
        }, () -> { });
    }

    public void changePassword() {
        if (!canChangePassword.get()) {
            return;
        }
        Optional<UserMessage> problem = AccountChecks.newPassword(newPassword.get(), confirmPassword.get());
        if (problem.isPresent()) {
            status.show(problem.get());
            return;
        }
        status.send(profile.changePassword(currentPassword.get(), newPassword.get()), ok -> {
            clear(currentPassword, newPassword, confirmPassword);
            status.show(UserMessage.success("Your password is changed. Your other devices are signed out."));
        }, () -> currentPassword.set(""), AccountViewModel::explain);
    }

    /** Saves everything the server keeps about the account as JSON to {@code file}. */
    public void exportTo(Path file) {
        status.send(profile.exportAccount().thenCompose(data -> background.run(() -> ExportFile.write(file, data))),
                ok -> status.show(UserMessage.success("Your data is saved in " + file + ".")), () -> { });
    }

    /** Where the export goes unless the person picks another name. */
    public String exportFileName() {
        return "duet-" + username() + ".json";
    }

    public void askDelete() {
        confirmingDelete.set(true);
    }

    public void cancelDelete() {
        confirmingDelete.set(false);
        deletePassword.set("");
    }

    /** Deletes the account for good; the welcome screen says it is done. */
    public void deleteAccount() {
        if (!canDelete.get()) {
            return;
        }
        status.send(profile.deleteAccount(deletePassword.get()),
                ok -> navigator.welcome(UserMessage.success("Your account is deleted. Nothing of it is left on the "
                        + "server.")), () -> deletePassword.set(""), AccountViewModel::explain);
    }

    /** "Log out everywhere" lives in the settings, next to what else ends sessions. */
    public void logOutEverywhere() {
        navigator.settings();
    }

    public void back() {
        navigator.channels();
    }

    /** Here a wrong password is the current one, not a login's "wrong username or password". */
    private static UserMessage explain(Throwable error) {
        if (Background.cause(error) instanceof SignalingException.ServerError e && e.code() == ErrorCode.WRONG_CREDENTIALS) {
            return UserMessage.error("That is not your current password.", "Type the password you log in with; mind Caps Lock.");
        }
        return ErrorMessages.of(error);
    }

    private static void clear(StringProperty... fields) {
        for (StringProperty f : fields) {
            f.set("");
        }
    }
}
