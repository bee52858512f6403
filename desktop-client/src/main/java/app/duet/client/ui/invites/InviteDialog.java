package app.duet.client.ui.invites;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import app.duet.client.ui.common.MessageBanner;
import app.duet.protocol.InviteInfo;

/**
 * The owner's "Invite…" dialog for a channel: how many uses and for how long, Create link, the link with Copy
 * link and its QR code, and the invites that still work, each with Revoke.
 */
public final class InviteDialog extends VBox {
    private static final double QR_SIDE = 168;
    private final InviteViewModel vm;
    private final VBox list = new VBox(6);
    private final ZoneId zone;

    public InviteDialog(InviteViewModel vm, ZoneId zone, Runnable close) {
        this.vm = vm;
        this.zone = zone;
        setId("invite-dialog");
        getStyleClass().add("overlay-card");
        setAccessibleRole(AccessibleRole.DIALOG);
        setAccessibleText("Invite someone to " + vm.channel());
        setSpacing(12);
        setPadding(new Insets(24));
        setPrefWidth(480);

        Label title = new Label("Invite to #" + vm.channel());
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("The channel is private: only someone with a link you send (or whom you let in) "
                + "can join. A link works for the uses and days you choose, and you can revoke it.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        ComboBox<Integer> uses = choice("invite-uses", "How many times the link works", InviteViewModel.USES,
                n -> n == 1 ? "Works once" : "Works " + n + " times");
        ComboBox<Integer> days = choice("invite-days", "How long the link works", InviteViewModel.DAYS,
                n -> n == 1 ? "For 1 day" : "For " + n + " days");
        days.getSelectionModel().select(Integer.valueOf(7));
        Button create = new Button("Create link", new FontIcon(Feather.LINK));
        create.setId("invite-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(vm.busyProperty());
        create.setOnAction(e -> vm.create(uses.getValue(), days.getValue()));
        HBox options = new HBox(8, uses, days, create);
        options.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, hint, new MessageBanner(vm.messageProperty()), options, linkRow(), invitesTitle(), list,
                closeButton(close));
        vm.invites().addListener((ListChangeListener<InviteInfo>) c -> redrawList());
        redrawList();
        vm.refresh();
    }

    private Node linkRow() {
        TextField link = new TextField();
        link.setId("invite-link");
        link.setEditable(false);
        link.setAccessibleText("Invite link");
        link.textProperty().bind(vm.linkProperty());
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button("Copy link", new FontIcon(Feather.COPY));
        copy.setId("invite-copy");
        copy.setTooltip(new Tooltip("Copy the link to the clipboard, to paste in a message"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.linkProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
            vm.copied();
        });
        Canvas qr = new Canvas(QR_SIDE, QR_SIDE);
        qr.setId("invite-qr");
        qr.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        qr.setAccessibleText("QR code of the invite link, to scan with a phone");
        vm.qrProperty().addListener((o, was, code) -> draw(qr.getGraphicsContext2D(), code));
        VBox box = new VBox(8, new HBox(8, link, copy), qr);
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.linkProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node invitesTitle() {
        Label label = new Label("Links that still work");
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private Node closeButton(Runnable close) {
        Button done = new Button("Close", new FontIcon(Feather.X));
        done.setId("invite-close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        HBox row = new HBox(done);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private void redrawList() {
        if (vm.invites().isEmpty()) {
            Label none = new Label("None. Create a link above.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            list.getChildren().setAll(none);
            return;
        }
        list.getChildren().setAll(vm.invites().stream().map(this::row).toList());
    }

    private Node row(InviteInfo invite) {
        String text = invite.uses() + " of " + invite.maxUses() + (invite.maxUses() == 1 ? " use" : " uses")
                + " · until " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(zone)
                .format(Instant.ofEpochMilli(invite.expiresAt()));
        Label label = new Label(text, new FontIcon(Feather.LINK_2));
        HBox.setHgrow(label, Priority.ALWAYS);
        label.setMaxWidth(Double.MAX_VALUE);
        Button revoke = new Button("Revoke");
        revoke.setId("invite-revoke-" + invite.id());
        revoke.getStyleClass().add(Styles.DANGER);
        revoke.setAccessibleText("Revoke the invite: " + text);
        revoke.setOnAction(e -> vm.revoke(invite));
        HBox row = new HBox(8, label, revoke);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static ComboBox<Integer> choice(String id, String accessible, int[] values,
            java.util.function.IntFunction<String> text) {
        ComboBox<Integer> box = new ComboBox<>();
        for (int v : values) {
            box.getItems().add(v);
        }
        box.getSelectionModel().selectFirst();
        box.setId(id);
        box.setAccessibleText(accessible);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : text.apply(n);
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        return box;
    }

    private static void draw(GraphicsContext g, QrCode code) {
        double module = QR_SIDE / code.size();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, QR_SIDE, QR_SIDE);
        g.setFill(Color.BLACK);
        for (int y = 0; y < code.size(); y++) {
            for (int x = 0; x < code.size(); x++) {
                if (code.isDark(x, y)) {
                    g.fillRect(x * module, y * module, Math.ceil(module), Math.ceil(module));
                }
            }
        }
    }
}
