package app.duet.client.signaling;

import app.duet.protocol.Event;
import app.duet.protocol.Result;

/**
 * Events from the signaling client, delivered in order on the executor given to the client. Every method
 * has a no-op default so a listener implements only what it cares about.
 */
public interface SignalingListener {

    default void onConnectionState(ConnectionState state) {
    }

    /**
     * Signed in: by signup, login, or a resume (including the automatic one after a reconnect). After a
     * resume, {@code auth.call()} is the call the server re-attached, if any.
     */
    default void onSignedIn(Result.Auth auth, boolean resumed) {
    }

    /** The session ended: by logout, or because the server no longer accepts the token. */
    default void onSignedOut(SignOutReason reason) {
    }

    default void onPresence(Event.Presence event) {
    }

    /** A user's display name changed: yours (any device), or that of someone who shares a channel with you. */
    default void onDisplayNameChanged(Event.DisplayNameChanged event) {
    }

    default void onChannelDeleted(Event.ChannelDeleted event) {
    }

    default void onCallIncoming(Event.CallIncoming event) {
    }

    default void onCallAccepted(Event.CallAccepted event) {
    }

    default void onCallDeclined(Event.CallDeclined event) {
    }

    default void onCallCancelled(Event.CallCancelled event) {
    }

    default void onCallEnded(Event.CallEnded event) {
    }

    default void onOffer(Event.Offer event) {
    }

    default void onAnswer(Event.Answer event) {
    }

    default void onCandidate(Event.Candidate event) {
    }

    /** The user's unseen missed calls changed (or were sent after a sign-in); the list replaces the last. */
    default void onMissedCalls(Event.MissedCalls event) {
    }

    default void onServerShutdown(Event.ServerShutdown event) {
    }

    /** The owner removed you from a channel: it is gone for you. */
    default void onChannelRemoved(Event.ChannelRemoved event) {
    }

    /** You own the channel and someone asks to join it. */
    default void onJoinRequested(Event.JoinRequested event) {
    }

    /** The owner answered your join request; when approved you are a member now. */
    default void onJoinAnswered(Event.JoinAnswered event) {
    }

    /** Why the client stopped being signed in. */
    enum SignOutReason {
        LOGGED_OUT, SESSION_EXPIRED,
        /** The server's admin disabled or deleted the account (close code 4003). */
        ACCOUNT_CLOSED,
        /** The user deleted their own account from this device. */
        ACCOUNT_DELETED
    }
}
