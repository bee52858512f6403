package app.duet.client.ui.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.UserInfo;

class ChannelRowTest {
    private final ChannelRow alone = ChannelRow.of(
            new ChannelInfo("room", "ann", List.of(new MemberInfo("ann", "Ann", true))), "ann");

    @Test
    void withoutAPeerItSaysWhoToInvite() {
        assertThat(alone.peer()).isEmpty();
        assertThat(alone.peerOnline()).isFalse();
        assertThat(alone.ownedByMe()).isTrue();
        assertThat(alone.presenceText()).contains("send them an invite");
    }

    @Test
    void presenceEventsUpdateThePeer() {
        UserInfo bob = new UserInfo("bob", "Bob");
        ChannelRow joined = alone.with(bob, PresenceState.JOINED);
        assertThat(joined.peerOnline()).isTrue();
        assertThat(joined.presenceText()).isEqualTo("Bob is online");

        ChannelRow offline = joined.with(bob, PresenceState.OFFLINE);
        assertThat(offline.peerOnline()).isFalse();
        assertThat(offline.presenceText()).isEqualTo("Bob is offline");
        assertThat(offline.members()).extracting(MemberInfo::username).containsExactly("ann", "bob");

        assertThat(offline.with(bob, PresenceState.LEFT).peer()).isEmpty();
    }

    @Test
    void theOtherMembersPointOfView() {
        ChannelRow seenByBob = ChannelRow.of(new ChannelInfo("room", "ann",
                List.of(new MemberInfo("ann", "Ann", false), new MemberInfo("bob", "Bob", true))), "bob");
        assertThat(seenByBob.ownedByMe()).isFalse();
        assertThat(seenByBob.peer()).map(MemberInfo::username).contains("ann");
        assertThat(seenByBob.presenceText()).isEqualTo("Ann is offline");
    }
}
