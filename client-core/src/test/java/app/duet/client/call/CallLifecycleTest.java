package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;


import app.duet.client.call.LifecycleAction.AcceptSession;
import app.duet.client.call.LifecycleAction.CreateSession;
import app.duet.client.call.LifecycleAction.EndSession;
import app.duet.client.call.LifecycleAction.FarSideConnected;
import app.duet.client.call.LifecycleAction.FetchIceServers;
import app.duet.client.call.LifecycleAction.NotifyEnded;
import app.duet.client.call.LifecycleAction.NotifyIncoming;
import app.duet.client.call.LifecycleAction.Refuse;
import app.duet.client.call.LifecycleAction.ResumeSession;
import app.duet.client.call.LifecycleAction.SendAccept;
import app.duet.client.call.LifecycleAction.SendCancel;
import app.duet.client.call.LifecycleAction.SendDecline;
import app.duet.client.call.LifecycleAction.SendHangup;
import app.duet.client.call.LifecycleAction.SendRing;
import app.duet.client.call.model.IceServerConfig;
import app.duet.client.call.negotiation.Role;
import app.duet.protocol.CallInfo;
import app.duet.protocol.CallState;
import app.duet.protocol.Media;
import app.duet.protocol.UserInfo;

/** The call's whole life without threads, sockets or libwebrtc: events in, actions out. */
class CallLifecycleTest {

    private static final List<IceServerConfig> ICE = List.of(new IceServerConfig(List.of("stun:stun.example.org"), null, null));
    private static final IncomingCall BOB_RINGS = new IncomingCall("theirs", "room", "bob", "Bob", true);

    private final CallLifecycle life = new CallLifecycle();

    @Test
    void ringTakenAcceptedAndHungUp() {
        assertThat(life.ring("mine", "room", true)).containsExactly(new FetchIceServers("mine"));
        assertThat(life.iceServersReady("mine", ICE)).containsExactly(new SendRing("mine", "room", true));
        assertThat(life.ringTaken("mine", "mine")).containsExactly(new CreateSession("mine", Role.CALLER, true, ICE, false));
        assertThat(life.hasSession("mine")).isTrue();
        assertThat(life.callAccepted("mine")).containsExactly(new AcceptSession("mine"));
        assertThat(life.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(life.hangup()).containsExactly(new EndSession("mine"), new NotifyEnded("mine", CallEnd.LOCAL_HANGUP),
                new SendHangup("mine"));
        assertThat(life.stage()).isEqualTo(LifecycleStage.IDLE);
        assertThat(life.hasSession("mine")).isFalse();
    }

    @Test
    void anAcceptThatOvertakesTheRingsReplyIsKeptForIt() {
        ringSent("mine");
        assertThat(life.callAccepted("mine")).isEmpty();
        assertThat(life.ringTaken("mine", "mine")).containsExactly(new CreateSession("mine", Role.CALLER, true, ICE, true));
        assertThat(life.stage()).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void aDeclineThatOvertakesTheRingsReplyEndsTheRingOnce() {
        ringSent("mine");
        assertThat(life.callDeclined("mine")).containsExactly(new NotifyEnded("mine", CallEnd.DECLINED));
        assertThat(life.ringTaken("mine", "mine")).as("the late reply: the server's call is gone already, a hang-up is harmless")
                .containsExactly(new SendHangup("mine"));
        assertThat(life.stage()).isEqualTo(LifecycleStage.IDLE);
    }

    @Test
    void hangingUpBeforeTheRingsReplyHangsUpWhenTheReplyComes() {
        ringSent("mine");
        assertThat(life.hangup()).containsExactly(new NotifyEnded("mine", CallEnd.LOCAL_HANGUP));
        assertThat(life.ringTaken("mine", "mine")).containsExactly(new SendHangup("mine"));
        assertThat(life.hasSession("mine")).isFalse();
        assertThat(life.ring("next", "room", false)).containsExactly(new FetchIceServers("next"));
    }

    @Test
    void hangingUpWhileTheIceServersAreFetchedSendsNothing() {
        life.ring("mine", "room", true);
        assertThat(life.hangup()).containsExactly(new NotifyEnded("mine", CallEnd.LOCAL_HANGUP));
        assertThat(life.iceServersReady("mine", ICE)).isEmpty();
    }

    @Test
    void anUnansweredRingIsCancelledAndAnAnsweredOneHungUp() {
        ringTaken("mine");
        assertThat(life.hangup()).containsExactly(new EndSession("mine"), new NotifyEnded("mine", CallEnd.LOCAL_HANGUP),
                new SendCancel("mine"));
    }

    @Test
    void aSessionThatCannotBeSetUpEndsTheCallAsFailedAndHangsUpOnce() {
        life.callIncoming(BOB_RINGS);
        life.accept(false);
        life.iceServersReady("theirs", ICE);
        assertThat(life.sessionFailed("someone-elses")).isEmpty();
        assertThat(life.sessionFailed("theirs")).containsExactly(new EndSession("theirs"),
                new NotifyEnded("theirs", CallEnd.FAILED), new SendHangup("theirs"));
        assertThat(life.stage()).isEqualTo(LifecycleStage.IDLE);
        assertThat(life.sessionFailed("theirs")).as("reported once").isEmpty();
    }

    @Test
    void glareJoinsOurRingIntoTheirsAndWeAnswer() {
        ringSent("mine");
        assertThat(life.callIncoming(BOB_RINGS)).as("no second ring is shown while ours goes out").isEmpty();
        assertThat(life.callAccepted("theirs")).as("settled by the ring's reply").isEmpty();
        assertThat(life.ringTaken("mine", "theirs"))
                .containsExactly(new CreateSession("theirs", Role.CALLEE, true, ICE, true));
        assertThat(life.stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(life.callId()).isEqualTo("theirs");
        assertThat(life.callEnded("theirs", CallEnd.REMOTE_HANGUP))
                .containsExactly(new EndSession("theirs"), new NotifyEnded("theirs", CallEnd.REMOTE_HANGUP));
    }

    @Test
    void aSecondRingIsRefusedAndAFailedRingFreesTheEngine() {
        ringSent("mine");
        assertThat(life.ring("again", "room", true)).containsExactly(new Refuse("You are already in a call."));
        assertThat(life.ringFailed("mine")).isEmpty();
        assertThat(life.stage()).isEqualTo(LifecycleStage.IDLE);
        assertThat(life.ring("again", "room", true)).containsExactly(new FetchIceServers("again"));
    }

    @Test
    void acceptBuildsTheSessionBeforeTellingTheServer() {
        assertThat(life.callIncoming(BOB_RINGS)).containsExactly(new NotifyIncoming(BOB_RINGS), new FetchIceServers("theirs"));
        assertThat(life.accept(false)).as("the ICE servers asked for as it rang are still on their way").isEmpty();
        assertThat(life.iceServersReady("theirs", ICE))
                .containsExactly(new CreateSession("theirs", Role.CALLEE, false, ICE, true), new SendAccept("theirs"));
        assertThat(life.iceServersReady("theirs", ICE)).as("one session").isEmpty();
        assertThat(life.acceptTaken("theirs")).isEmpty();
        assertThat(life.stage()).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void iceServersFetchedWhileItRingsLetAcceptStartAtOnce() {
        life.callIncoming(BOB_RINGS);
        assertThat(life.iceServersReady("theirs", ICE)).as("nothing to do until Accept").isEmpty();
        assertThat(life.stage()).isEqualTo(LifecycleStage.INCOMING);

        assertThat(life.accept(true))
                .containsExactly(new CreateSession("theirs", Role.CALLEE, true, ICE, true), new SendAccept("theirs"));
    }

    @Test
    void aFailedEarlyFetchKeepsTheRingAndAcceptAsksAgain() {
        life.callIncoming(BOB_RINGS);
        assertThat(life.setupFailed("theirs")).isEmpty();
        assertThat(life.stage()).isEqualTo(LifecycleStage.INCOMING);

        assertThat(life.accept(false)).containsExactly(new FetchIceServers("theirs"));
        assertThat(life.iceServersReady("theirs", ICE))
                .containsExactly(new CreateSession("theirs", Role.CALLEE, false, ICE, true), new SendAccept("theirs"));
    }

    @Test
    void theIceServersOfOneRingAreNotAnothers() {
        life.callIncoming(BOB_RINGS);
        life.iceServersReady("theirs", ICE);
        life.callCancelled("theirs");
        life.callIncoming(BOB_RINGS);

        assertThat(life.accept(false)).as("asked for again for the new ring, still on their way").isEmpty();
    }

    @Test
    void aRingCancelledWhileWeAcceptEndsTheHalfBuiltCallOnceAndAcceptAfterCancelIsRefused() {
        life.callIncoming(BOB_RINGS);
        life.accept(true);
        life.iceServersReady("theirs", ICE);
        assertThat(life.callCancelled("theirs"))
                .containsExactly(new EndSession("theirs"), new NotifyEnded("theirs", CallEnd.CANCELLED));
        assertThat(life.acceptFailed("theirs")).isEmpty();
        assertThat(life.accept(true)).containsExactly(new Refuse("There is no call to accept."));
    }

    @Test
    void aRingAnsweredOrDeclinedOnAnotherDeviceStopsRingingHere() {
        life.callIncoming(BOB_RINGS);
        assertThat(life.callAccepted("theirs")).containsExactly(new NotifyEnded("theirs", CallEnd.ANSWERED_ELSEWHERE));
        life.callIncoming(BOB_RINGS);
        assertThat(life.callDeclined("theirs")).containsExactly(new NotifyEnded("theirs", CallEnd.ANSWERED_ELSEWHERE));
    }

    @Test
    void declineAndEventsForOtherCallsChangeNothingElse() {
        life.callIncoming(BOB_RINGS);
        assertThat(life.callCancelled("stranger")).isEmpty();
        assertThat(life.callIncoming(new IncomingCall("second", "other", "cid", "Cid", false))).isEmpty();
        assertThat(life.decline()).containsExactly(new NotifyEnded("theirs", CallEnd.LOCAL_HANGUP), new SendDecline("theirs"));
        assertThat(life.decline()).isEmpty();
    }

    @Test
    void resumeKeepsTheCallOrEndsIt() {
        ringTaken("mine");
        life.callAccepted("mine");
        life.connectionLost();
        assertThat(life.presence("room", true)).as("presence before our own resume is left to it").isEmpty();
        assertThat(life.signedIn(true, kept("mine", CallState.ACTIVE, true, false)))
                .containsExactly(new ResumeSession("mine", false));
        assertThat(life.presence("room", true)).containsExactly(new FarSideConnected("mine", true));
        assertThat(life.presence("elsewhere", true)).isEmpty();
        assertThat(life.signedIn(true, null))
                .containsExactly(new EndSession("mine"), new NotifyEnded("mine", CallEnd.DISCONNECTED));
    }

    @Test
    void resumeWithoutACallOfOursHangsUpALeftoverAndShowsARingWhoseEventWasLost() {
        assertThat(life.signedIn(true, kept("left", CallState.ACTIVE, true, true))).containsExactly(new SendHangup("left"));
        assertThat(life.signedIn(true, kept("ring", CallState.RINGING, false, true)))
                .containsExactly(new NotifyIncoming(new IncomingCall("ring", "room", "bob", "Bob", true)),
                        new FetchIceServers("ring"));
        assertThat(life.signedIn(true, null)).as("the ring was cancelled while we were away")
                .containsExactly(new NotifyEnded("ring", CallEnd.CANCELLED));
        assertThat(life.signedIn(false, null)).isEmpty();
    }

    @Test
    void signingOutOrClosingEndsTheCall() {
        ringTaken("mine");
        assertThat(life.signedOut()).containsExactly(new EndSession("mine"), new NotifyEnded("mine", CallEnd.DISCONNECTED));
        ringTaken("next");
        assertThat(life.closed()).containsExactly(new EndSession("next"));
        assertThat(life.stage()).isEqualTo(LifecycleStage.IDLE);
    }

    private void ringSent(String id) {
        life.ring(id, "room", true);
        life.iceServersReady(id, ICE);
    }

    private void ringTaken(String id) {
        ringSent(id);
        life.ringTaken(id, id);
    }

    private static CallInfo kept(String id, CallState state, boolean caller, boolean peerOnline) {
        return new CallInfo(id, "room", new UserInfo("bob", "Bob"), Media.VIDEO, state, caller, peerOnline);
    }
}
