package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoLeakedThreads.class)
class ChannelsIntegrationTest {
    @TempDir
    static Path dataDir;
    static DuetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DuetServer.start(TestServers.config(dataDir).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestClient user(String name) throws InterruptedException {
        return signup(server, name);
    }

    /** A signed-up client; password "password-" + name, display name "User " + name. */
    static TestClient signup(DuetServer server, String name) throws InterruptedException {
        TestClient c = TestClient.hello(server);
        c.ok(new Request.Signup(c.nextId(), name, "User " + name, name + "@example.org", "password-" + name));
        return c;
    }

    @Test
    void createJoinListLeave() throws Exception {
        try (TestClient ann = user("ann"); TestClient ben = user("ben")) {
            Result.Channel created = ann.ok(new Request.ChannelCreate(ann.nextId(), "picnic"));
            assertThat(created.channel()).isEqualTo(new ChannelInfo("picnic", "ann",
                    java.util.List.of(new MemberInfo("ann", "User ann", true))));
            ann.error(new Request.ChannelCreate(ann.nextId(), "picnic"), ErrorCode.CHANNEL_EXISTS);
            ben.error(new Request.ChannelCreate(ben.nextId(), "picnic"), ErrorCode.CHANNEL_EXISTS);

            Result.Channel joined = ben.joinInvitedBy(ann, "picnic");
            assertThat(joined.channel().members()).extracting(MemberInfo::username).containsExactly("ann", "ben");
            Event.Presence presence = ann.awaitEvent(Event.Presence.class, p -> p.state() == PresenceState.JOINED);
            assertThat(presence.channel()).isEqualTo("picnic");
            assertThat(presence.user().username()).isEqualTo("ben");
            // Joining again is harmless and tells nobody.
            ben.ok(new Request.ChannelJoin(ben.nextId(), "picnic"));

            Result.Channels list = ben.ok(new Request.ChannelsList(ben.nextId()));
            assertThat(list.channels()).extracting(ChannelInfo::name).containsExactly("picnic");

            ben.ok(new Request.ChannelLeave(ben.nextId(), "picnic"));
            assertThat(ann.awaitEvent(Event.Presence.class, p -> p.state() == PresenceState.LEFT).user().username())
                    .isEqualTo("ben");
            ben.error(new Request.ChannelLeave(ben.nextId(), "picnic"), ErrorCode.NOT_A_MEMBER);
            assertThat(((Result.Channels) ben.ok(new Request.ChannelsList(ben.nextId()))).channels()).isEmpty();
            assertThat(ann.eventsOf(Event.Presence.class)).noneMatch(p -> p.state() == PresenceState.JOINED);
        }
    }

    @Test
    void aChannelHoldsTwo() throws Exception {
        try (TestClient cat = user("cat"); TestClient dan = user("dan"); TestClient eli = user("eli")) {
            cat.ok(new Request.ChannelCreate(cat.nextId(), "duo"));
            dan.joinInvitedBy(cat, "duo");
            eli.error(new Request.ChannelJoin(eli.nextId(), "duo"), ErrorCode.CHANNEL_FULL);
            eli.error(new Request.ChannelJoin(eli.nextId(), "nowhere"), ErrorCode.CHANNEL_NOT_FOUND);
            eli.error(new Request.ChannelLeave(eli.nextId(), "duo"), ErrorCode.NOT_A_MEMBER);
            eli.error(new Request.ChannelDelete(eli.nextId(), "duo"), ErrorCode.NOT_OWNER);
            eli.error(new Request.CallRing(eli.nextId(), "duo", app.duet.protocol.Media.AUDIO), ErrorCode.NOT_A_MEMBER);
        }
    }

    @Test
    void onlyTheOwnerDeletesAndMembersAreTold() throws Exception {
        try (TestClient fox = user("fox"); TestClient gil = user("gil")) {
            fox.ok(new Request.ChannelCreate(fox.nextId(), "den"));
            gil.joinInvitedBy(fox, "den");
            gil.error(new Request.ChannelDelete(gil.nextId(), "den"), ErrorCode.NOT_OWNER);
            fox.ok(new Request.ChannelDelete(fox.nextId(), "den"));
            assertThat(gil.awaitEvent(Event.ChannelDeleted.class).name()).isEqualTo("den");
            gil.error(new Request.ChannelJoin(gil.nextId(), "den"), ErrorCode.CHANNEL_NOT_FOUND);
            fox.error(new Request.ChannelDelete(fox.nextId(), "den"), ErrorCode.CHANNEL_NOT_FOUND);
            assertThat(fox.eventsOf(Event.ChannelDeleted.class)).isEmpty();
        }
    }

    @Test
    void whenTheOwnerLeavesTheOtherMemberOwnsTheChannel() throws Exception {
        try (TestClient hal = user("hal"); TestClient ida = user("ida")) {
            hal.ok(new Request.ChannelCreate(hal.nextId(), "handover"));
            ida.joinInvitedBy(hal, "handover");
            hal.ok(new Request.ChannelLeave(hal.nextId(), "handover"));
            Result.Channels list = ida.ok(new Request.ChannelsList(ida.nextId()));
            assertThat(list.channels().get(0).owner()).isEqualTo("ida");
            ida.ok(new Request.ChannelLeave(ida.nextId(), "handover"));
            hal.error(new Request.ChannelJoin(hal.nextId(), "handover"), ErrorCode.CHANNEL_NOT_FOUND);
        }
    }

    @Test
    void membersSeeEachOtherComeAndGo() throws Exception {
        try (TestClient joy = user("joy")) {
            joy.ok(new Request.ChannelCreate(joy.nextId(), "lobby"));
            Result.Auth kimAuth;
            try (TestClient kim = user("kim")) {
                kim.ok(new Request.Logout(kim.nextId()));
            }
            try (TestClient kim = TestClient.hello(server)) {
                kimAuth = kim.ok(new Request.Login(kim.nextId(), "kim", "password-kim"));
                kim.joinInvitedBy(joy, "lobby");
                joy.awaitEvent(Event.Presence.class, p -> p.state() == PresenceState.JOINED);
                Result.Channels seen = joy.ok(new Request.ChannelsList(joy.nextId()));
                assertThat(seen.channels().get(0).members()).extracting(MemberInfo::online).containsExactly(true, true);
            }
            joy.awaitEvent(Event.Presence.class, p -> p.state() == PresenceState.OFFLINE && p.user().username().equals("kim"));
            Result.Channels seen = joy.ok(new Request.ChannelsList(joy.nextId()));
            assertThat(seen.channels().get(0).members()).extracting(MemberInfo::online).containsExactly(true, false);
            try (TestClient kim = TestClient.hello(server)) {
                kim.ok(new Request.Resume(kim.nextId(), kimAuth.session().token()));
                joy.awaitEvent(Event.Presence.class, p -> p.state() == PresenceState.ONLINE && p.user().username().equals("kim"));
            }
        }
    }

    @Test
    void channelNamesAreChecked() throws Exception {
        try (TestClient lux = user("lux")) {
            lux.sendRaw("{\"type\":\"channel_create\",\"id\":\"n1\",\"name\":\"Has Spaces\"}");
            assertThat(((app.duet.protocol.ErrorReply) lux.awaitUnmatched()).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        }
    }
}
