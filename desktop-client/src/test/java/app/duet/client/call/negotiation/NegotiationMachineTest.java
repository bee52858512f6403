package app.duet.client.call.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import app.duet.client.call.model.CallState;
import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.model.TransportStatus;
import app.duet.client.call.negotiation.NegotiationAction.AddRemoteCandidates;
import app.duet.client.call.negotiation.NegotiationAction.AnswerOffer;
import app.duet.client.call.negotiation.NegotiationAction.ApplyAnswer;
import app.duet.client.call.negotiation.NegotiationAction.AwaitFarSideOffer;
import app.duet.client.call.negotiation.NegotiationAction.Close;
import app.duet.client.call.negotiation.NegotiationAction.CreateOffer;
import app.duet.client.call.negotiation.NegotiationAction.GiveUp;
import app.duet.client.call.negotiation.NegotiationAction.RollbackOffer;
import app.duet.client.call.negotiation.NegotiationAction.SendAnswer;
import app.duet.client.call.negotiation.NegotiationAction.SendCandidate;
import app.duet.client.call.negotiation.NegotiationAction.SendOffer;
import app.duet.client.call.negotiation.NegotiationAction.Settled;
import app.duet.client.call.negotiation.NegotiationAction.StateChanged;
import app.duet.client.call.negotiation.NegotiationAction.Unsettled;

import org.junit.jupiter.api.Test;

class NegotiationMachineTest {

    private static final IceCandidateInfo C1 = new IceCandidateInfo("0", 0, "candidate:1 1 udp 1 10.0.0.1 5000 typ host");
    private static final IceCandidateInfo C2 = new IceCandidateInfo("0", 0, "candidate:2 1 udp 1 10.0.0.2 5001 typ host");

    private final NegotiationMachine caller = new NegotiationMachine(Role.CALLER);
    private final NegotiationMachine callee = new NegotiationMachine(Role.CALLEE);

    @Test
    void caller_offers_after_accept_and_callee_answers() {
        assertThat(caller.ringing()).containsExactly(new StateChanged(CallState.RINGING_OUTGOING));
        assertThat(callee.ringing()).containsExactly(new StateChanged(CallState.RINGING_INCOMING));

        assertThat(callee.accepted()).containsExactly(new StateChanged(CallState.ACCEPTED));
        List<NegotiationAction> callerAccepted = caller.accepted();
        assertThat(callerAccepted).containsExactly(new StateChanged(CallState.ACCEPTED),
                new StateChanged(CallState.NEGOTIATING), new Unsettled(), new CreateOffer(1, false, false));

        assertThat(caller.localOfferReady(1, "offer")).containsExactly(new SendOffer(1, "offer"));
        assertThat(callee.remoteOffer("offer")).containsExactly(new StateChanged(CallState.NEGOTIATING),
                new Unsettled(), new AnswerOffer("offer", false));
        assertThat(callee.localAnswerReady("answer")).containsExactly(new SendAnswer("answer"));
        assertThat(caller.remoteAnswer("answer")).containsExactly(new ApplyAnswer("answer"));
        assertThat(caller.remoteAnswerApplied()).isEmpty();

        assertThat(caller.transport(TransportStatus.CONNECTED))
                .containsExactly(new StateChanged(CallState.CONNECTED), new Settled());
    }

    @Test
    void a_first_offer_that_cannot_be_answered_gives_the_call_up_and_a_later_one_does_not() {
        callee.accepted();
        callee.remoteOffer("garbage");
        assertThat(callee.answeringFailed()).contains(new GiveUp(GiveUp.UNUSABLE_SETUP));

        NegotiationMachine working = new NegotiationMachine(Role.CALLEE);
        working.accepted();
        working.remoteOffer("offer");
        working.localAnswerReady("answer");
        working.remoteOffer("garbage");
        assertThat(working.answeringFailed()).noneMatch(GiveUp.class::isInstance);
    }

    @Test
    void a_first_answer_that_cannot_be_applied_gives_the_call_up_and_a_later_one_offers_again() {
        caller.accepted();
        caller.localOfferReady(1, "offer");
        caller.remoteAnswer("garbage");
        assertThat(caller.remoteAnswerFailed()).containsExactly(new GiveUp(GiveUp.UNUSABLE_SETUP));

        NegotiationMachine working = new NegotiationMachine(Role.CALLER);
        working.accepted();
        working.localOfferReady(1, "offer");
        working.remoteAnswer("answer");
        working.remoteAnswerApplied();
        working.transport(TransportStatus.CONNECTED);
        List<NegotiationAction> renegotiation = working.negotiationNeeded();
        long generation = renegotiation.stream().filter(CreateOffer.class::isInstance).map(CreateOffer.class::cast)
                .findFirst().orElseThrow().generation();
        working.localOfferReady(generation, "second offer");
        working.remoteAnswer("garbage");
        assertThat(working.remoteAnswerFailed()).noneMatch(GiveUp.class::isInstance)
                .anyMatch(CreateOffer.class::isInstance);
    }

    @Test
    void remote_candidates_wait_for_the_remote_description() {
        callee.accepted();
        assertThat(callee.remoteCandidate(C1)).isEmpty();
        assertThat(callee.remoteCandidate(C2)).isEmpty();
        assertThat(callee.bufferedCandidates()).isEqualTo(2);

        callee.remoteOffer("offer");
        assertThat(callee.remoteCandidate(C1)).as("still applying the offer").isEmpty();
        assertThat(callee.localAnswerReady("answer"))
                .containsExactly(new SendAnswer("answer"), new AddRemoteCandidates(List.of(C1, C2, C1)));
        assertThat(callee.remoteCandidate(C2)).containsExactly(new AddRemoteCandidates(List.of(C2)));
    }

    @Test
    void caller_buffers_candidates_until_the_answer_is_applied() {
        caller.accepted();
        caller.localOfferReady(1, "offer");
        assertThat(caller.remoteCandidate(C1)).isEmpty();
        caller.remoteAnswer("answer");
        assertThat(caller.remoteAnswerApplied()).containsExactly(new AddRemoteCandidates(List.of(C1)));
    }

    @Test
    void local_candidates_are_sent_only_once_negotiating() {
        assertThat(caller.localCandidate(C1)).isEmpty();
        caller.accepted();
        assertThat(caller.localCandidate(C1)).containsExactly(new SendCandidate(C1));
    }

    @Test
    void offer_collision_impolite_caller_ignores_polite_callee_rolls_back() {
        connect();
        // both add video at once
        assertThat(caller.negotiationNeeded()).containsExactly(new Unsettled(), new CreateOffer(2, false, false));
        assertThat(callee.negotiationNeeded()).containsExactly(new Unsettled(), new CreateOffer(2, false, false));
        caller.localOfferReady(2, "caller-offer-2");
        callee.localOfferReady(2, "callee-offer-1");

        assertThat(caller.remoteOffer("callee-offer-1")).as("impolite side ignores the colliding offer").isEmpty();
        assertThat(callee.remoteOffer("caller-offer-2")).containsExactly(new Unsettled(),
                new AnswerOffer("caller-offer-2", true));
        // the callee still needs its own change negotiated: it offers again once stable
        assertThat(callee.localAnswerReady("callee-answer-2")).containsExactly(new SendAnswer("callee-answer-2"),
                new Unsettled(), new CreateOffer(4, false, false));
        caller.remoteAnswer("callee-answer-2");
        assertThat(caller.remoteAnswerApplied()).containsExactly(new Settled());
    }

    @Test
    void an_offer_arriving_while_our_answer_is_being_applied_is_answered_not_ignored() {
        connect();
        caller.negotiationNeeded();
        caller.localOfferReady(2, "caller-offer-2");
        assertThat(caller.remoteAnswer("callee-answer-2")).containsExactly(new ApplyAnswer("callee-answer-2"));
        // the callee answered, then offered its own change; both arrive before the answer is applied
        assertThat(caller.remoteCandidate(C1)).isEmpty();
        assertThat(caller.remoteOffer("callee-offer-3")).containsExactly(new Unsettled(),
                new AnswerOffer("callee-offer-3", false));
        assertThat(caller.remoteAnswerApplied()).as("candidates wait for the queued offer").isEmpty();
        assertThat(caller.localAnswerReady("caller-answer-3")).containsExactly(new SendAnswer("caller-answer-3"),
                new AddRemoteCandidates(List.of(C1)), new Settled());
    }

    @Test
    void a_refused_answer_leads_to_a_fresh_offer() {
        connect();
        caller.negotiationNeeded();
        caller.localOfferReady(2, "offer-2");
        caller.remoteAnswer("broken");
        assertThat(caller.remoteAnswerFailed()).containsExactly(new Unsettled(), new CreateOffer(3, false, false));
    }

    @Test
    void an_offer_superseded_by_a_rollback_is_never_sent() {
        connect();
        callee.negotiationNeeded(); // generation 2 in flight
        callee.remoteOffer("caller-offer");
        assertThat(callee.localOfferReady(2, "stale")).isEmpty();
    }

    @Test
    void renegotiation_requested_while_busy_runs_after_stable() {
        caller.accepted();
        assertThat(caller.negotiationNeeded()).as("first offer in flight").isEmpty();
        caller.localOfferReady(1, "offer");
        caller.remoteAnswer("answer");
        assertThat(caller.remoteAnswerApplied()).containsExactly(new Unsettled(), new CreateOffer(2, false, true));
    }

    @Test
    void a_deferred_offer_that_is_not_needed_settles_the_call() {
        connect();
        caller.negotiationNeeded();
        assertThat(caller.negotiationNeeded()).as("deferred while offering").isEmpty();
        caller.localOfferReady(2, "offer-2");
        caller.remoteAnswer("answer-2");
        assertThat(caller.remoteAnswerApplied()).containsExactly(new Unsettled(), new CreateOffer(3, false, true));
        assertThat(caller.offerNotNeeded(2)).as("stale generation").isEmpty();
        assertThat(caller.offerNotNeeded(3)).containsExactly(new Settled());
        assertThat(caller.negotiationNeeded()).containsExactly(new Unsettled(), new CreateOffer(4, false, false));
    }

    @Test
    void failure_makes_the_caller_restart_ice_and_the_callee_wait() {
        connect();
        assertThat(caller.transport(TransportStatus.FAILED)).containsExactly(
                new StateChanged(CallState.RECONNECTING), new Unsettled(), new CreateOffer(2, true, false));
        assertThat(callee.transport(TransportStatus.FAILED)).containsExactly(new StateChanged(CallState.RECONNECTING));
        assertThat(callee.transport(TransportStatus.CONNECTED))
                .containsExactly(new StateChanged(CallState.CONNECTED), new Settled());
    }

    @Test
    void disconnect_shows_reconnecting_and_recovers() {
        connect();
        assertThat(callee.transport(TransportStatus.DISCONNECTED)).containsExactly(new StateChanged(CallState.RECONNECTING));
        assertThat(callee.transport(TransportStatus.CONNECTED)).contains(new StateChanged(CallState.CONNECTED));
    }

    @Test
    void stale_answers_and_offers_before_accept_are_ignored() {
        assertThat(callee.remoteOffer("early")).isEmpty();
        caller.accepted();
        assertThat(caller.remoteAnswer("before-our-offer-is-set")).isEmpty();
        caller.localOfferReady(1, "offer");
        assertThat(caller.remoteAnswer("answer")).hasSize(1);
        assertThat(caller.remoteAnswer("duplicate")).isEmpty();
    }

    @Test
    void ending_closes_once_and_silences_everything_after() {
        connect();
        assertThat(caller.ended()).containsExactly(new StateChanged(CallState.ENDED), new Close());
        assertThat(caller.ended()).isEmpty();
        assertThat(caller.remoteCandidate(C1)).isEmpty();
        assertThat(caller.localCandidate(C1)).isEmpty();
        assertThat(caller.negotiationNeeded()).isEmpty();
        assertThat(caller.state()).isEqualTo(CallState.ENDED);
    }

    private void connect() {
        callee.accepted();
        caller.accepted();
        caller.localOfferReady(1, "offer");
        callee.remoteOffer("offer");
        callee.localAnswerReady("answer");
        caller.remoteAnswer("answer");
        caller.remoteAnswerApplied();
        caller.transport(TransportStatus.CONNECTED);
        callee.transport(TransportStatus.CONNECTED);
    }

    // ---- offers lost while signaling is away (a server restart, a dropped connection) ----

    @Test
    void an_undelivered_offer_is_rolled_back_and_made_again_once_the_far_side_offers() {
        connectedCaller();
        assertThat(caller.signalingResumed(true)).containsExactly(new Unsettled(), new CreateOffer(2, false, false));
        assertThat(caller.localOfferReady(2, "offer-2")).containsExactly(new SendOffer(2, "offer-2"));
        assertThat(caller.offerUndelivered(2)).containsExactly(new RollbackOffer());
        assertThat(caller.rolledBack()).as("no retry while the far side is away").containsExactly(new Settled());

        // The far side resumes and offers: no collision, and our offer follows its answer.
        assertThat(caller.remoteOffer("theirs")).containsExactly(new Unsettled(), new AnswerOffer("theirs", false));
        List<NegotiationAction> answered = caller.localAnswerReady("answer");
        assertThat(answered).first().isEqualTo(new SendAnswer("answer"));
        assertThat(answered).last().isInstanceOfSatisfying(CreateOffer.class, offer -> {
            assertThat(offer.iceRestart()).isFalse();
            assertThat(offer.onlyIfNeeded()).isFalse();
        });
    }

    @Test
    void resuming_with_an_unanswered_offer_rolls_it_back_and_offers_again() {
        connectedCaller();
        assertThat(caller.negotiationNeeded()).containsExactly(new Unsettled(), new CreateOffer(2, false, false));
        caller.localOfferReady(2, "offer-2");
        assertThat(caller.signalingResumed(true)).as("its answer went to the lost connection")
                .containsExactly(new RollbackOffer());
        assertThat(caller.rolledBack()).containsExactly(new Unsettled(), new CreateOffer(3, false, false));
    }

    @Test
    void after_a_resume_the_callee_waits_for_the_callers_offer_so_the_two_never_collide() {
        connectedCallee();
        assertThat(callee.signalingResumed(true)).containsExactly(new AwaitFarSideOffer(1));
        assertThat(callee.remoteOffer("resume-offer")).containsExactly(new Unsettled(), new AnswerOffer("resume-offer", false));
        assertThat(callee.localAnswerReady("answer")).containsExactly(new SendAnswer("answer"), new Settled());
        assertThat(callee.farSideOfferOverdue(1)).as("the caller's offer came").isEmpty();
    }

    @Test
    void a_callee_whose_caller_resumed_long_ago_offers_once_the_wait_is_over() {
        connectedCallee();
        assertThat(callee.signalingResumed(true)).containsExactly(new AwaitFarSideOffer(1));
        assertThat(callee.farSideOfferOverdue(1)).containsExactly(new Unsettled(), new CreateOffer(2, false, false));
    }

    @Test
    void a_callee_back_before_its_caller_makes_no_offer_until_the_caller_is_back_and_then_waits_for_its_offer() {
        connectedCallee();
        assertThat(callee.signalingResumed(false)).as("nobody to offer to, nothing to wait for yet").isEmpty();
        assertThat(callee.negotiationNeeded()).as("a change waits for the caller").isEmpty();
        assertThat(callee.farSideBack()).containsExactly(new AwaitFarSideOffer(1));
        assertThat(callee.farSideBack()).as("already known to be back").isEmpty();
        assertThat(callee.remoteOffer("resume-offer")).containsExactly(new Unsettled(), new AnswerOffer("resume-offer", false));
        List<NegotiationAction> answered = callee.localAnswerReady("answer");
        assertThat(answered).first().isEqualTo(new SendAnswer("answer"));
        assertThat(answered).as("then the change is offered").last().isInstanceOf(CreateOffer.class);
        assertThat(callee.farSideOfferOverdue(1)).as("the caller's offer came").isEmpty();
    }

    @Test
    void a_callees_overdue_offer_waits_while_the_caller_is_away() {
        connectedCallee();
        assertThat(callee.signalingResumed(true)).containsExactly(new AwaitFarSideOffer(1));
        assertThat(callee.farSideAway()).isEmpty();
        assertThat(callee.farSideOfferOverdue(1)).as("it could not reach the caller")
                .doesNotHaveAnyElementsOfTypes(CreateOffer.class);
        assertThat(callee.farSideBack()).containsExactly(new AwaitFarSideOffer(2));
        assertThat(callee.farSideOfferOverdue(2)).containsExactly(new Unsettled(), new CreateOffer(2, false, false));
    }

    @Test
    void a_caller_back_before_its_callee_offers_once_the_callee_is_back() {
        connectedCaller();
        assertThat(caller.signalingResumed(false)).isEmpty();
        assertThat(caller.transport(TransportStatus.DISCONNECTED)).containsExactly(new StateChanged(CallState.RECONNECTING));
        assertThat(caller.transport(TransportStatus.FAILED)).as("the restart waits for the callee").isEmpty();
        assertThat(caller.farSideBack()).containsExactly(new Unsettled(), new CreateOffer(2, true, false));
    }

    @Test
    void a_caller_whose_callee_dropped_offers_again_when_it_is_back() {
        connectedCaller();
        assertThat(caller.farSideAway()).isEmpty();
        assertThat(caller.negotiationNeeded()).isEmpty();
        assertThat(caller.farSideBack()).as("a full offer: what we sent meanwhile is lost")
                .containsExactly(new Unsettled(), new CreateOffer(2, false, false));
    }

    @Test
    void an_offer_that_went_to_the_far_sides_dead_connection_is_made_again_when_it_is_back() {
        connectedCaller();
        caller.transport(TransportStatus.DISCONNECTED);
        assertThat(caller.transport(TransportStatus.FAILED)).contains(new CreateOffer(2, true, false));
        caller.localOfferReady(2, "restart-2"); // the server took it, but the callee's connection was dead
        assertThat(caller.farSideAway()).isEmpty();
        assertThat(caller.farSideBack()).containsExactly(new RollbackOffer());
        assertThat(caller.rolledBack()).containsExactly(new Unsettled(), new CreateOffer(3, true, false));
    }

    @Test
    void after_an_undelivered_offer_nothing_is_offered_until_the_far_side_is_back() {
        connectedCaller();
        caller.negotiationNeeded();
        caller.localOfferReady(2, "offer-2");
        assertThat(caller.offerUndelivered(2)).containsExactly(new RollbackOffer());
        assertThat(caller.rolledBack()).containsExactly(new Settled());
        assertThat(caller.negotiationNeeded()).isEmpty();
        assertThat(caller.farSideBack()).containsExactly(new Unsettled(), new CreateOffer(3, false, false));
    }

    @Test
    void resuming_while_the_media_path_is_down_restarts_ice() {
        connectedCaller();
        caller.transport(TransportStatus.DISCONNECTED);
        assertThat(caller.signalingResumed(true)).containsExactly(new Unsettled(), new CreateOffer(2, true, false));
    }

    @Test
    void an_undelivered_report_after_the_answer_came_is_ignored() {
        connectedCaller();
        caller.negotiationNeeded();
        caller.localOfferReady(2, "offer-2");
        caller.remoteAnswer("answer-2");
        assertThat(caller.offerUndelivered(2)).isEmpty();
        assertThat(caller.offerUndelivered(1)).isEmpty();
    }

    @Test
    void an_ice_restart_offer_left_unanswered_while_reconnecting_is_rolled_back_and_made_again() {
        connectedCaller();
        caller.transport(TransportStatus.DISCONNECTED);
        assertThat(caller.transport(TransportStatus.FAILED)).contains(new CreateOffer(2, true, false));
        caller.localOfferReady(2, "restart-2");
        // The far side's connection died unnoticed: the server took the offer, no answer comes, and the far
        // side's own offer (after its signaling resumed) collides with ours and is ignored.
        assertThat(caller.remoteOffer("theirs")).isEmpty();
        assertThat(caller.offerUnanswered(2)).containsExactly(new RollbackOffer());
        assertThat(caller.rolledBack()).containsExactly(new Unsettled(), new CreateOffer(3, true, false));
        caller.localOfferReady(3, "restart-3");
        assertThat(caller.remoteAnswer("answer-3")).containsExactly(new ApplyAnswer("answer-3"));
        assertThat(caller.offerUnanswered(3)).as("answered in time").isEmpty();
        assertThat(caller.offerUnanswered(2)).as("superseded").isEmpty();
    }

    @Test
    void a_slow_answer_is_not_given_up_on_while_media_flows() {
        connectedCaller();
        caller.negotiationNeeded();
        caller.localOfferReady(2, "offer-2");
        assertThat(caller.offerUnanswered(2)).isEmpty();
        assertThat(caller.remoteAnswer("answer-2")).containsExactly(new ApplyAnswer("answer-2"));
    }

    /** A callee that answered the first offer and whose media connected. */
    private void connectedCallee() {
        callee.accepted();
        callee.remoteOffer("offer");
        callee.localAnswerReady("answer");
        callee.transport(TransportStatus.CONNECTED);
    }

    /** A caller whose first offer was answered and whose media connected. */
    private void connectedCaller() {
        caller.accepted();
        caller.localOfferReady(1, "offer");
        caller.remoteAnswer("answer");
        caller.remoteAnswerApplied();
        caller.transport(TransportStatus.CONNECTED);
    }
}
