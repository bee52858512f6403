package app.duet.client.ui.links;

import org.kordamp.ikonli.feather.Feather;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import app.duet.client.config.ServerAddress;
import app.duet.client.ui.common.Forms;
import app.duet.client.ui.common.UserMessage;
import app.duet.protocol.InviteLink;

/** The cards opening a link may show over the window: why a link did not work, or whether to switch servers. */
public final class LinkDialog extends VBox {

    private LinkDialog(String id, String title, String text) {
        setId(id);
        getStyleClass().add("overlay-card");
        setAccessibleRole(AccessibleRole.DIALOG);
        setAccessibleText(title);
        setSpacing(14);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(440);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setWrapText(true);
        getChildren().addAll(heading, Forms.paragraph(text));
    }

    public static LinkDialog problem(UserMessage problem, Runnable close) {
        LinkDialog dialog = new LinkDialog("link-problem", problem.text(), problem.hint());
        Button ok = Forms.primary("OK", Feather.CHECK);
        ok.setId("link-problem-ok");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> close.run());
        dialog.getChildren().add(new HBox(ok));
        return dialog;
    }

    /** {@code answer.run(true)}: switch; false: stay. */
    public static LinkDialog switchQuestion(InviteLink link, java.net.URI current,
                                            java.util.function.Consumer<Boolean> answer) {
        String there = ServerAddress.display(link.serverUri());
        LinkDialog dialog = new LinkDialog("link-switch", "Switch to " + there + "?",
                "This link invites you to \"" + link.channel() + "\" on " + there + ". You are signed in on "
                        + ServerAddress.display(current) + "; switching signs you out there and asks you to sign in on "
                        + there + ".");
        Button yes = Forms.primary("Switch and sign in", Feather.LOG_IN);
        yes.setId("link-switch-yes");
        yes.setOnAction(e -> answer.accept(true));
        Button no = Forms.secondary("Stay here", Feather.X);
        no.setId("link-switch-no");
        no.setCancelButton(true);
        no.setOnAction(e -> answer.accept(false));
        dialog.getChildren().add(new HBox(10, yes, no));
        return dialog;
    }
}
