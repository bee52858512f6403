package app.duet.protocol;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every wire {@code type}, with the record that carries it. offer, answer and candidate are both a
 * request (client to server) and an event (server to the other member), under the same name.
 */
public enum MessageType {
    HELLO("hello", Request.Hello.class, Result.Hello.class, null),
    SIGNUP("signup", Request.Signup.class, Result.Auth.class, null),
    LOGIN("login", Request.Login.class, Result.Auth.class, null),
    RESUME("resume", Request.Resume.class, Result.Auth.class, null),
    LOGOUT("logout", Request.Logout.class, Result.Empty.class, null),
    CHANGE_PASSWORD("change_password", Request.ChangePassword.class, Result.Empty.class, null),
    CHANGE_DISPLAY_NAME("change_display_name", Request.ChangeDisplayName.class, Result.User.class, null),
    ACCOUNT_DELETE("account_delete", Request.AccountDelete.class, Result.Empty.class, null),
    ACCOUNT_EXPORT("account_export", Request.AccountExport.class, Result.AccountExport.class, null),
    PASSWORD_RESET_REQUEST("password_reset_request", Request.PasswordResetRequest.class, Result.Empty.class, null),
    PASSWORD_RESET_CONFIRM("password_reset_confirm", Request.PasswordResetConfirm.class, Result.Empty.class, null),
    EMAIL_VERIFY("email_verify", EmailVerificationRequests.EmailVerify.class, Result.Auth.class, null),
    EMAIL_VERIFY_RESEND("email_verify_resend", EmailVerificationRequests.EmailVerifyResend.class, Result.Empty.class, null),
    ICE_SERVERS("ice_servers", Request.IceServers.class, Result.IceServers.class, null),
    CHANNEL_CREATE("channel_create", Request.ChannelCreate.class, Result.Channel.class, null),
    CHANNEL_JOIN("channel_join", Request.ChannelJoin.class, Result.Channel.class, null),
    CHANNEL_LEAVE("channel_leave", Request.ChannelLeave.class, Result.Empty.class, null),
    CHANNEL_DELETE("channel_delete", Request.ChannelDelete.class, Result.Empty.class, null),
    CHANNELS_LIST("channels_list", Request.ChannelsList.class, Result.Channels.class, null),
    CHANNEL_INVITE_CREATE("channel_invite_create", ChannelAccessRequests.ChannelInviteCreate.class, Result.InviteCreated.class, null),
    CHANNEL_INVITES("channel_invites", ChannelAccessRequests.ChannelInvites.class, Result.Invites.class, null),
    CHANNEL_INVITE_REVOKE("channel_invite_revoke", ChannelAccessRequests.ChannelInviteRevoke.class, Result.Empty.class, null),
    CHANNEL_REMOVE_MEMBER("channel_remove_member", ChannelAccessRequests.ChannelRemoveMember.class, Result.Empty.class, null),
    CHANNEL_LOCK("channel_lock", ChannelAccessRequests.ChannelLock.class, Result.Empty.class, null),
    CHANNEL_JOIN_REQUEST("channel_join_request", ChannelAccessRequests.ChannelJoinRequest.class, Result.Empty.class, null),
    CHANNEL_JOIN_REQUESTS("channel_join_requests", ChannelAccessRequests.ChannelJoinRequests.class, Result.JoinRequests.class, null),
    CHANNEL_JOIN_ANSWER("channel_join_answer", ChannelAccessRequests.ChannelJoinAnswer.class, Result.Empty.class, null),
    CALL_RING("call_ring", Request.CallRing.class, Result.CallRing.class, null),
    CALL_ACCEPT("call_accept", Request.CallAccept.class, Result.Empty.class, null),
    CALL_DECLINE("call_decline", Request.CallDecline.class, Result.Empty.class, null),
    CALL_CANCEL("call_cancel", Request.CallCancel.class, Result.Empty.class, null),
    CALL_HANGUP("call_hangup", Request.CallHangup.class, Result.Empty.class, null),
    OFFER("offer", Request.Offer.class, Result.Empty.class, Event.Offer.class),
    ANSWER("answer", Request.Answer.class, Result.Empty.class, Event.Answer.class),
    CANDIDATE("candidate", Request.Candidate.class, Result.Empty.class, Event.Candidate.class),
    HISTORY("history", Request.History.class, Result.History.class, null),
    HISTORY_SEEN("history_seen", Request.HistorySeen.class, Result.Empty.class, null),
    HISTORY_CLEAR("history_clear", Request.HistoryClear.class, Result.Empty.class, null),
    PING("ping", Request.Ping.class, Result.Empty.class, null),

    OK("ok", null, null, null),
    ERROR("error", null, null, null),

    PRESENCE("presence", null, null, Event.Presence.class),
    DISPLAY_NAME_CHANGED("display_name_changed", null, null, Event.DisplayNameChanged.class),
    CHANNEL_DELETED("channel_deleted", null, null, Event.ChannelDeleted.class),
    CHANNEL_REMOVED("channel_removed", null, null, Event.ChannelRemoved.class),
    JOIN_REQUESTED("join_requested", null, null, Event.JoinRequested.class),
    JOIN_ANSWERED("join_answered", null, null, Event.JoinAnswered.class),
    CALL_INCOMING("call_incoming", null, null, Event.CallIncoming.class),
    CALL_ACCEPTED("call_accepted", null, null, Event.CallAccepted.class),
    CALL_DECLINED("call_declined", null, null, Event.CallDeclined.class),
    CALL_CANCELLED("call_cancelled", null, null, Event.CallCancelled.class),
    CALL_ENDED("call_ended", null, null, Event.CallEnded.class),
    MISSED_CALLS("missed_calls", null, null, Event.MissedCalls.class),
    SERVER_SHUTDOWN("server_shutdown", null, null, Event.ServerShutdown.class);

    private static final Map<String, MessageType> BY_WIRE_NAME = new HashMap<>();
    private static final Map<Class<?>, MessageType> BY_CLASS = new HashMap<>();

    static {
        for (MessageType t : values()) {
            BY_WIRE_NAME.put(t.wireName, t);
            if (t.requestClass != null) {
                BY_CLASS.put(t.requestClass, t);
            }
            if (t.eventClass != null) {
                BY_CLASS.put(t.eventClass, t);
            }
        }
        BY_CLASS.put(Ok.class, OK);
        BY_CLASS.put(ErrorReply.class, ERROR);
    }

    private final String wireName;
    private final Class<? extends Request> requestClass;
    private final Class<? extends Result> resultClass;
    private final Class<? extends Event> eventClass;

    MessageType(String wireName, Class<? extends Request> requestClass, Class<? extends Result> resultClass,
            Class<? extends Event> eventClass) {
        this.wireName = wireName;
        this.requestClass = requestClass;
        this.resultClass = resultClass;
        this.eventClass = eventClass;
    }

    /** The value of the JSON {@code type} field. */
    public String wireName() {
        return wireName;
    }

    /** The request record, if clients may send this type. */
    public Optional<Class<? extends Request>> requestClass() {
        return Optional.ofNullable(requestClass);
    }

    /** The result record of this request's {@link Ok} reply, if this is a request type. */
    public Optional<Class<? extends Result>> resultClass() {
        return Optional.ofNullable(resultClass);
    }

    /** The event record, if the server may push this type. */
    public Optional<Class<? extends Event>> eventClass() {
        return Optional.ofNullable(eventClass);
    }

    /** A request the server passes on to the other member as the event of the same name. */
    public boolean passesThrough() {
        return requestClass != null && eventClass != null;
    }

    public static Optional<MessageType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    static MessageType of(Message message) {
        MessageType type = BY_CLASS.get(message.getClass());
        if (type == null) {
            throw new IllegalStateException("no wire type for " + message.getClass());
        }
        return type;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
