package app.duet.client.ui.invites;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.duet.client.signaling.ChannelAccessService;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.UserMessage;
import app.duet.protocol.InviteInfo;
import app.duet.protocol.InviteLink;

/**
 * The owner's invites to one channel: make a link (single-use or a few uses, for a number of days), see it and
 * its QR code, list the invites that still work and revoke them. The token of a new invite is shown once.
 */
public final class InviteViewModel {
    /** What the dialog offers: once, or a handful of times (e.g. the person's phone and laptop). */
    public static final int[] USES = {1, 5};
    /** Days an invite lasts: the server's default (7) and its longest (30) around a day. */
    public static final int[] DAYS = {1, 7, 30};

    private final ChannelAccessService access;
    private final URI server;
    private final String channel;
    private final Executor ui;
    private final ObservableList<InviteInfo> invites = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper link = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<QrCode> qr = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();

    /** {@code server}: the address the app is connected to, which the link carries. */
    public InviteViewModel(ChannelAccessService access, URI server, String channel, Executor ui) {
        this.access = access;
        this.server = server;
        this.channel = channel;
        this.ui = ui;
    }

    public String channel() {
        return channel;
    }

    public ObservableList<InviteInfo> invites() {
        return invites;
    }

    /** The newest link made here, empty until one is. */
    public ReadOnlyStringProperty linkProperty() {
        return link.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QrCode> qrProperty() {
        return qr.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void refresh() {
        access.invites(channel).whenCompleteAsync((result, error) -> {
            if (error != null) {
                message.set(ErrorMessages.of(error));
            } else {
                invites.setAll(result.invites());
            }
        }, ui);
    }

    /** Makes an invite; the link and its QR code (encoded on the signaling thread, not the FX one) follow. */
    public void create(int uses, int days) {
        busy.set(true);
        access.createInvite(channel, uses, Duration.ofDays(days).toSeconds())
                .thenApply(created -> {
                    String text = InviteLink.to(server, channel, created.token()).toDuetUri();
                    return new Made(created.invite(), text, QrCode.of(text));
                })
                .whenCompleteAsync((made, error) -> {
                    busy.set(false);
                    if (error != null) {
                        message.set(ErrorMessages.of(error));
                        return;
                    }
                    link.set(made.link());
                    qr.set(made.qr());
                    invites.add(0, made.invite());
                    message.set(UserMessage.success("Link ready. Send it to the person you want in \"" + channel
                            + "\"; it works " + (made.invite().maxUses() == 1 ? "once." : made.invite().maxUses() + " times.")));
                }, ui);
    }

    public void revoke(InviteInfo invite) {
        access.revokeInvite(channel, invite.id()).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                message.set(ErrorMessages.of(error));
                return;
            }
            invites.removeIf(i -> i.id().equals(invite.id()));
            message.set(UserMessage.info("Invite revoked: its link no longer lets anyone in."));
        }, ui);
    }

    /** The link was copied by the view (the clipboard is the FX thread's). */
    public void copied() {
        message.set(UserMessage.info("Link copied."));
    }

    private record Made(InviteInfo invite, String link, QrCode qr) {
    }
}
