package app.duet.client;

import java.net.URI;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import app.duet.client.config.ServerAddress;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.links.LinkDialog;
import app.duet.client.ui.links.LinkScreens;
import app.duet.client.ui.shell.MainWindow;
import app.duet.protocol.InviteLink;

/** What opening an invite link shows in the main window: the sign-in notice, the channel joined, the dialogs. */
final class LinkPrompts implements LinkScreens {
    private final MainWindow window;
    private final Consumer<UserMessage> welcome;
    private final BiConsumer<String, UserMessage> channel;

    /** {@code welcome} shows the welcome screen with a notice; {@code channel} the channels with one card in focus. */
    LinkPrompts(MainWindow window, Consumer<UserMessage> welcome, BiConsumer<String, UserMessage> channel) {
        this.window = window;
        this.welcome = welcome;
        this.channel = channel;
    }

    @Override
    public void signInFor(InviteLink link) {
        welcome.accept(new UserMessage(UserMessage.Kind.INFO, "Sign up or log in on "
                + ServerAddress.display(link.serverUri()) + " to join \"" + link.channel() + "\".",
                "The invite link chose this server. If it stays \"Not reachable\", check the link with whoever sent it."));
    }

    @Override
    public void joined(String name, UserMessage message) {
        channel.accept(name, message);
    }

    @Override
    public void linkProblem(UserMessage problem) {
        LinkDialog[] dialog = new LinkDialog[1];
        dialog[0] = LinkDialog.problem(problem, () -> window.closeOverlay(dialog[0]));
        window.showOverlay(dialog[0], () -> window.closeOverlay(dialog[0]));
    }

    @Override
    public void askToSwitch(InviteLink link, URI current, Runnable onSwitch) {
        LinkDialog[] dialog = new LinkDialog[1];
        dialog[0] = LinkDialog.switchQuestion(link, current, yes -> {
            window.closeOverlay(dialog[0]);
            if (yes) {
                onSwitch.run();
            }
        });
        window.showOverlay(dialog[0], () -> window.closeOverlay(dialog[0]));
    }
}
