package app.duet.client.ui.links;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import app.duet.client.config.ServerAddress;
import app.duet.client.signaling.ChannelService;
import app.duet.client.signaling.ServerConnection;
import app.duet.client.signaling.SignalingException;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.ServerSwitch;
import app.duet.client.ui.shell.SessionState;
import app.duet.protocol.InviteLink;
import app.duet.protocol.Result;

/**
 * Opens an invite link ({@code duet://host/join/<channel>?invite=<token>}): signed in to the link's server, it
 * joins the channel with the invite at once; signed out, it points the app at that server and joins after the
 * person signs in; signed in elsewhere, it asks before switching. Runs on the FX thread.
 */
public final class LinkOpener implements SignalingListener {
    private final ChannelService channels;
    private final ServerConnection connection;
    private final BooleanSupplier holdsSession;
    private final SessionState session;
    private final ServerSwitch serverSwitch;
    private final LinkScreens screens;
    private final Executor ui;
    /** The link that joins once the person is signed in to its server. */
    private InviteLink waiting;

    /** {@code holdsSession}: signed in, or a remembered session is being resumed. */
    public LinkOpener(ChannelService channels, ServerConnection connection, BooleanSupplier holdsSession,
                      SessionState session, ServerSwitch serverSwitch, LinkScreens screens, Executor ui) {
        this.channels = channels;
        this.connection = connection;
        this.holdsSession = holdsSession;
        this.session = session;
        this.serverSwitch = serverSwitch;
        this.screens = screens;
        this.ui = ui;
        connection.addListener(this, ui);
    }

    public void open(String text) {
        Optional<InviteLink> parsed = InviteLink.parse(text);
        if (parsed.isEmpty()) {
            screens.linkProblem(UserMessage.error("That is not a Duet invite link.",
                    "An invite link looks like duet://server/join/channel?invite=… Copy the whole link from the "
                            + "message it came in and open it again."));
            return;
        }
        InviteLink link = parsed.get();
        URI current = connection.serverUri();
        if (!ServerAddress.sameServer(link.serverUri(), current) && holdsSession.getAsBoolean()) {
            screens.askToSwitch(link, current, () -> signInFor(link));
        } else if (session.signedIn()) {
            join(link);
        } else if (holdsSession.getAsBoolean()) {
            waiting = link; // the remembered session is coming back: join then
        } else {
            signInFor(link);
        }
    }

    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        if (waiting != null && ServerAddress.sameServer(waiting.serverUri(), connection.serverUri())) {
            InviteLink link = waiting;
            waiting = null;
            join(link);
        }
    }

    private void signInFor(InviteLink link) {
        waiting = link;
        serverSwitch.switchTo(link.serverUri());
        screens.signInFor(link);
    }

    private void join(InviteLink link) {
        channels.joinChannel(link.channel(), link.invite()).whenCompleteAsync((joined, error) -> {
            if (error != null) {
                screens.linkProblem(refused(link, error));
            } else {
                screens.joined(link.channel(), UserMessage.success("You joined \"" + link.channel() + "\"."));
            }
        }, ui);
    }

    /** The join failed: the server's reason, and for a refusal what to do about the link. */
    static UserMessage refused(InviteLink link, Throwable error) {
        UserMessage reason = ErrorMessages.of(error);
        boolean serverSaidNo = Background.cause(error) instanceof SignalingException.ServerError;
        return UserMessage.error("Couldn't join \"" + link.channel() + "\" with this link. " + reason.text(),
                serverSaidNo ? "Ask the person who sent it for a new link." : reason.hint());
    }
}
