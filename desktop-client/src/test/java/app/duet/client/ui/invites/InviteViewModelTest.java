package app.duet.client.ui.invites;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.fakes.FakeChannels;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.InviteInfo;
import app.duet.protocol.InviteLink;
import app.duet.protocol.Result;

class InviteViewModelTest {
    private static final String TOKEN = "Vq3xT9bLk2mZr7YpW4sHc8dN";
    private static final InviteInfo OLD = new InviteInfo("i-old", "standup", 5, 1, 1L, 2L);
    private static final InviteInfo NEW = new InviteInfo("i-new", "standup", 1, 0, 3L, 4L);

    private final FakeChannels access = new FakeChannels();
    private final InviteViewModel vm = new InviteViewModel(access, URI.create("wss://duet.example:8443"), "standup",
            Runnable::run);

    @Test
    void aNewLinkCarriesTheServerTheChannelAndTheTokenWithItsQrCode() {
        vm.refresh();
        access.sent.last().succeed(new Result.Invites(List.of(OLD)));

        vm.create(1, 7);

        assertThat(access.sent.last().name()).isEqualTo("createInvite");
        assertThat(access.sent.last().args()).containsExactly("standup", 1, 7L * 24 * 3600);
        assertThat(vm.busyProperty().get()).isTrue();
        access.sent.last().succeed(new Result.InviteCreated(NEW, TOKEN));

        assertThat(vm.busyProperty().get()).isFalse();
        InviteLink link = InviteLink.parse(vm.linkProperty().get()).orElseThrow();
        assertThat(link).isEqualTo(new InviteLink("duet.example", 8443, "standup", TOKEN));
        assertThat(vm.qrProperty().get().size()).isGreaterThan(21);
        assertThat(vm.invites()).containsExactly(NEW, OLD);
        assertThat(vm.messageProperty().get().text()).endsWith("it works once.");
    }

    @Test
    void revokingTakesTheInviteOffTheList() {
        vm.refresh();
        access.sent.last().succeed(new Result.Invites(List.of(NEW, OLD)));

        vm.revoke(OLD);
        assertThat(access.sent.last().args()).containsExactly("standup", "i-old");
        access.sent.last().succeed(Result.Empty.INSTANCE);

        assertThat(vm.invites()).containsExactly(NEW);
    }

    @Test
    void aRefusalIsExplainedAndNoLinkShown() {
        vm.create(5, 30);
        access.sent.last().fail(new SignalingException.ServerError(ErrorCode.LIMIT_REACHED, "20 invites"));

        assertThat(vm.linkProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get().text()).isEqualTo("You've reached a limit on this server.");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
