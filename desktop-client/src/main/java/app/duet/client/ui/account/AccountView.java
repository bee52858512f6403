package app.duet.client.ui.account;

import app.duet.client.ui.call.FilePicker;
import app.duet.client.ui.common.Forms;
import app.duet.client.ui.common.MessageBanner;
import app.duet.client.ui.shell.Screen;
import atlantafx.base.theme.Styles;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The account screen: display name, password, export, log out everywhere, delete (which asks first). */
public final class AccountView implements Screen {
    private final Parent root;
    private final TextField displayName = new TextField();

    public AccountView(AccountViewModel vm, FilePicker files) {
        displayName.setId("account-display-name");
        displayName.textProperty().bindBidirectional(vm.displayNameProperty());
        Button saveName = Forms.secondary("Save display name", Feather.CHECK);
        saveName.setId("account-save-name");
        saveName.setOnAction(e -> vm.saveDisplayName());
        saveName.disableProperty().bind(vm.busyProperty());

        PasswordField current = password("account-current-password", vm.currentPasswordProperty());
        PasswordField fresh = password("account-new-password", vm.newPasswordProperty());
        PasswordField confirm = password("account-confirm-password", vm.confirmPasswordProperty());
        Button change = Forms.secondary("Change password", Feather.KEY);
        change.setId("account-change-password");
        change.setOnAction(e -> vm.changePassword());
        change.disableProperty().bind(vm.canChangePasswordProperty().not());

        Button export = Forms.secondary("Export my data…", Feather.DOWNLOAD);
        export.setId("account-export");
        export.disableProperty().bind(vm.busyProperty());
        export.setOnAction(e -> files.pickToSave(export.getScene().getWindow(), "Save your Duet data",
                vm.exportFileName()).ifPresent(vm::exportTo));

        Button everywhere = Forms.secondary("Log out everywhere…", Feather.LOG_OUT);
        everywhere.setId("account-logout-everywhere");
        everywhere.setOnAction(e -> vm.logOutEverywhere());

        Button back = Forms.link("← Back to channels");
        back.setId("account-back");
        back.setOnAction(e -> vm.back());
        Label username = Forms.paragraph("Username: " + vm.username() + " (usernames never change)");
        username.setId("account-username");
        root = Forms.page(back, Forms.title("Your account"), new MessageBanner(vm.messageProperty()), username,
                Forms.section("Display name"),
                Forms.field("_Display name", displayName, "How others see you in their channels and calls."), saveName,
                Forms.section("Password"),
                Forms.field("C_urrent password", current, ""),
                Forms.field("_New password", fresh, "At least 8 characters. Your other devices are signed out."),
                Forms.field("Confirm new pass_word", confirm, ""), change,
                Forms.section("Your data"),
                Forms.paragraph("A JSON file with everything the server keeps about you: your profile, channels, "
                        + "signed-in sessions and calls. It names no one else."), export,
                Forms.section("Sign-ins"),
                Forms.paragraph("Lost a device? Settings can end every session of your account."), everywhere,
                deleteSection(vm));
        root.setId("account-screen");
    }

    /** "Delete my account": asks for the password first, the safe answer focused. */
    private static Node deleteSection(AccountViewModel vm) {
        Button ask = new Button("Delete my account…", new FontIcon(Feather.TRASH_2));
        ask.setId("account-delete");
        ask.getStyleClass().add(Styles.DANGER);
        ask.setOnAction(e -> vm.askDelete());
        PasswordField password = password("account-delete-password", vm.deletePasswordProperty());
        Button confirm = new Button("Delete for good", new FontIcon(Feather.TRASH_2));
        confirm.setId("account-delete-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.disableProperty().bind(vm.canDeleteProperty().not());
        confirm.setOnAction(e -> vm.deleteAccount());
        Button cancel = new Button("Cancel");
        cancel.setId("account-delete-cancel");
        cancel.setOnAction(e -> {
            vm.cancelDelete();
            ask.requestFocus();
        });
        Label question = Forms.paragraph("Delete your account for good? You leave every channel: a channel you own "
                + "goes to its other member, one you are alone in is deleted. Your calls and sessions are erased "
                + "and every device is signed out. This cannot be undone.");
        VBox confirmation = new VBox(10, question, Forms.field("_Password to confirm", password, ""),
                new FlowPane(10, 10, confirm, cancel));
        confirmation.setId("account-delete-confirmation");
        confirmation.setAccessibleRole(AccessibleRole.DIALOG);
        confirmation.setAccessibleText(question.getText());
        confirmation.visibleProperty().bind(vm.confirmingDeleteProperty());
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        ask.visibleProperty().bind(vm.confirmingDeleteProperty().not());
        ask.managedProperty().bind(ask.visibleProperty());
        vm.confirmingDeleteProperty().addListener((obs, old, now) -> {
            if (now) {
                password.requestFocus();
            }
        });
        return new VBox(10, Forms.section("Delete account"), ask, confirmation);
    }

    private static PasswordField password(String id, javafx.beans.property.StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Your account";
    }

    @Override
    public Node initialFocus() {
        return displayName;
    }
}
