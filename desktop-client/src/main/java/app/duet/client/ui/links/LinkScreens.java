package app.duet.client.ui.links;

import java.net.URI;

import app.duet.client.ui.common.UserMessage;
import app.duet.protocol.InviteLink;

/** What opening a link shows; the app's screens do it. Called on the FX thread. */
public interface LinkScreens {

    /** The welcome screen, its server already the link's, saying what signing in will do. */
    void signInFor(InviteLink link);

    /** The channels, {@code channel}'s card focused, with {@code message}. */
    void joined(String channel, UserMessage message);

    /** Why the link did not work, over whatever is shown. */
    void linkProblem(UserMessage problem);

    /** Asks whether to leave the server signed in to ({@code current}) for the link's; runs {@code onSwitch} on yes. */
    void askToSwitch(InviteLink link, URI current, Runnable onSwitch);
}
