package app.duet.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One example of every message, keyed by the name of its golden file under src/test/resources/golden. */
final class Samples {
    static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n";
    static final String CANDIDATE = "candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx "
            + "raddr 0.0.0.0 rport 0 generation 0 ufrag sXr6 network-cost 999";
    static final UserInfo ALICE = new UserInfo("alice", "Alice Liddell");
    static final UserInfo BOB = new UserInfo("bob", "Bob");
    static final ChannelInfo CHANNEL = new ChannelInfo("tea-party", "alice", List.of(
            new MemberInfo("alice", "Alice Liddell", true), new MemberInfo("bob", "Bob", false)));
    static final HistoryEntry MISSED = new HistoryEntry("c-5f1e2d", "tea-party", BOB, false, Media.VIDEO,
            CallOutcome.MISSED, 1798761600000L, null, 1798761600000L, true, true);
    static final HistoryEntry ANSWERED = new HistoryEntry("c-7a3b9c", "tea-party", BOB, true, Media.AUDIO,
            CallOutcome.ANSWERED, 1798758000000L, 1798758004000L, 1798758250000L, false, false);

    static final String INVITE_TOKEN = "Vq3xT9bLk2mZr7YpW4sHc8dN";
    static final InviteInfo INVITE = new InviteInfo("i-8c41f0a2", "tea-party", 1, 0, 1798761600000L, 1799366400000L);

    static Map<String, Request> requests() {
        Map<String, Request> m = new LinkedHashMap<>();
        m.put("request-hello", new Request.Hello("1", 1, "duet-desktop/0.1"));
        m.put("request-signup", new Request.Signup("2", "alice", "Alice Liddell", "alice@example.org", "correct horse battery"));
        m.put("request-signup-invite", new Request.Signup("2", "alice", "Alice Liddell", "alice@example.org",
                "correct horse battery", "inv_3Fq9Lr2VbXkP7sTzWm4HcN8dJ0aYeUo5"));
        m.put("request-login", new Request.Login("3", "alice", "correct horse battery"));
        m.put("request-resume", new Request.Resume("4", "q3Vb0c9Tz7yXr2L8sKdPfWmN1gHjE5uA6iOoYtRwQxS"));
        m.put("request-logout", new Request.Logout("5"));
        m.put("request-logout-everywhere", new Request.Logout("5", true));
        m.put("request-change_password", new Request.ChangePassword("6", "correct horse battery", "staple battery horse"));
        m.put("request-change_display_name", new Request.ChangeDisplayName("30", "Alice Pleasance Liddell"));
        m.put("request-account_delete", new Request.AccountDelete("31", "correct horse battery"));
        m.put("request-account_export", new Request.AccountExport("32"));
        m.put("request-password_reset_request", new Request.PasswordResetRequest("7", "alice@example.org"));
        m.put("request-password_reset_confirm", new Request.PasswordResetConfirm("8", "alice", "48213077", "a new long password"));
        m.put("request-email_verify", new EmailVerificationRequests.EmailVerify("35", "alice", "30571946"));
        m.put("request-email_verify_resend", new EmailVerificationRequests.EmailVerifyResend("36", "alice",
                "correct horse battery", "alice@example.com"));
        m.put("request-ice_servers", new Request.IceServers("9"));
        m.put("request-channel_create", new Request.ChannelCreate("10", "tea-party"));
        m.put("request-channel_create-unnamed", new Request.ChannelCreate("10", null));
        m.put("request-channel_join", new Request.ChannelJoin("11", "tea-party"));
        m.put("request-channel_join-invite", new Request.ChannelJoin("11", "tea-party", INVITE_TOKEN));
        m.put("request-channel_invite_create", new ChannelAccessRequests.ChannelInviteCreate("28", "tea-party", 1, 604800L));
        m.put("request-channel_invites", new ChannelAccessRequests.ChannelInvites("29", "tea-party"));
        m.put("request-channel_invite_revoke", new ChannelAccessRequests.ChannelInviteRevoke("30", "tea-party", INVITE.id()));
        m.put("request-channel_remove_member", new ChannelAccessRequests.ChannelRemoveMember("31", "tea-party", "bob"));
        m.put("request-channel_lock", new ChannelAccessRequests.ChannelLock("32", "tea-party", true));
        m.put("request-channel_join_request", new ChannelAccessRequests.ChannelJoinRequest("33", "tea-party"));
        m.put("request-channel_join_requests", new ChannelAccessRequests.ChannelJoinRequests("34", "tea-party"));
        m.put("request-channel_join_answer", new ChannelAccessRequests.ChannelJoinAnswer("35", "tea-party", "bob", true));
        m.put("request-channel_leave", new Request.ChannelLeave("12", "tea-party"));
        m.put("request-channel_delete", new Request.ChannelDelete("13", "tea-party"));
        m.put("request-channels_list", new Request.ChannelsList("14"));
        m.put("request-call_ring", new Request.CallRing("15", "tea-party", Media.VIDEO));
        m.put("request-call_ring-proposed-id", new Request.CallRing("15", "tea-party", Media.VIDEO, "q9V2xLr7Tt0cMw3aZk8YpB"));
        m.put("request-call_accept", new Request.CallAccept("16", "c-5f1e2d"));
        m.put("request-call_decline", new Request.CallDecline("17", "c-5f1e2d"));
        m.put("request-call_cancel", new Request.CallCancel("18", "c-5f1e2d"));
        m.put("request-call_hangup", new Request.CallHangup("19", "c-5f1e2d"));
        m.put("request-offer", new Request.Offer("20", "c-5f1e2d", SDP));
        m.put("request-answer", new Request.Answer("21", "c-5f1e2d", SDP));
        m.put("request-candidate", new Request.Candidate("22", "c-5f1e2d", "0", 0, CANDIDATE));
        m.put("request-ping", new Request.Ping("23"));
        m.put("request-history", new Request.History("24", "tea-party", null, 20));
        m.put("request-history-all-next-page", new Request.History("25", null, 41L, 20));
        m.put("request-history_seen", new Request.HistorySeen("26", "tea-party"));
        m.put("request-history_clear", new Request.HistoryClear("27", null));
        return m;
    }

    /** Replies, with the request type each one answers. */
    static Map<String, Map.Entry<MessageType, ServerMessage>> replies() {
        Map<String, Map.Entry<MessageType, ServerMessage>> m = new LinkedHashMap<>();
        m.put("ok-hello", Map.entry(MessageType.HELLO, new Ok("1", new Result.Hello("0.1.0", 1, 30,
                RegistrationMode.OPEN))));
        m.put("ok-hello-email-verification", Map.entry(MessageType.HELLO, new Ok("1", new Result.Hello("0.1.0", 1, 30,
                RegistrationMode.OPEN, true))));
        m.put("ok-auth-email-verified", Map.entry(MessageType.EMAIL_VERIFY, new Ok("35", new Result.Auth(
                new SessionInfo("q3Vb0c9Tz7yXr2L8sKdPfWmN1gHjE5uA6iOoYtRwQxS", 1798761600000L), ALICE, null))));
        m.put("error-email_unverified", Map.entry(MessageType.SIGNUP, new ErrorReply("2", ErrorCode.EMAIL_UNVERIFIED,
                "We mailed a code to alice@example.org: enter it to finish signing up.")));
        m.put("ok-hello-before-registration", Map.entry(MessageType.HELLO, new Ok("1", new Result.Hello("0.1.0", 1, 30))));
        m.put("ok-change_display_name", Map.entry(MessageType.CHANGE_DISPLAY_NAME,
                new Ok("30", new Result.User(new UserInfo("alice", "Alice Pleasance Liddell")))));
        m.put("ok-account_export", Map.entry(MessageType.ACCOUNT_EXPORT, new Ok("32", new Result.AccountExport(
                new AccountData(1798765200000L,
                        new AccountData.Profile("alice", "Alice Liddell", "alice@example.org", 1767225600000L),
                        List.of(new AccountData.Channel("tea-party", true)),
                        List.of(new AccountData.Session(1798740000000L, 1801332000000L, true)),
                        List.of(new AccountData.Call("c-7a3b9c", "tea-party", true, Media.AUDIO, CallOutcome.ANSWERED,
                                1798758000000L, 1798758004000L, 1798758250000L, false)),
                        false)))));
        m.put("ok-auth", Map.entry(MessageType.LOGIN, new Ok("3", new Result.Auth(
                new SessionInfo("q3Vb0c9Tz7yXr2L8sKdPfWmN1gHjE5uA6iOoYtRwQxS", 1798761600000L), ALICE, null))));
        m.put("ok-auth-resumed-call", Map.entry(MessageType.RESUME, new Ok("4", new Result.Auth(
                new SessionInfo("q3Vb0c9Tz7yXr2L8sKdPfWmN1gHjE5uA6iOoYtRwQxS", 1798761600000L), ALICE,
                new CallInfo("c-5f1e2d", "tea-party", BOB, Media.VIDEO, CallState.ACTIVE, true, false)))));
        m.put("ok-empty", Map.entry(MessageType.PING, new Ok("23", Result.Empty.INSTANCE)));
        m.put("ok-ice_servers", Map.entry(MessageType.ICE_SERVERS, new Ok("9", new Result.IceServers(List.of(
                new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                new IceServer(List.of("turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp"),
                        "1798761600:alice", "3n1Yx3lQqkWc6x1m0Ij0Jj2Ghb8=")), 86400L))));
        m.put("ok-channel", Map.entry(MessageType.CHANNEL_JOIN, new Ok("11", new Result.Channel(CHANNEL))));
        m.put("ok-channels", Map.entry(MessageType.CHANNELS_LIST, new Ok("14", new Result.Channels(List.of(CHANNEL)))));
        m.put("ok-channel_invite_create", Map.entry(MessageType.CHANNEL_INVITE_CREATE,
                new Ok("28", new Result.InviteCreated(INVITE, INVITE_TOKEN))));
        m.put("ok-channel_invites", Map.entry(MessageType.CHANNEL_INVITES, new Ok("29", new Result.Invites(List.of(INVITE)))));
        m.put("ok-channel_join_requests", Map.entry(MessageType.CHANNEL_JOIN_REQUESTS,
                new Ok("34", new Result.JoinRequests(List.of(BOB)))));
        m.put("ok-call_ring", Map.entry(MessageType.CALL_RING, new Ok("15", new Result.CallRing("c-5f1e2d"))));
        m.put("ok-history", Map.entry(MessageType.HISTORY, new Ok("24", new Result.History(List.of(MISSED, ANSWERED), 41L))));
        m.put("error", Map.entry(MessageType.LOGIN, new ErrorReply("3", ErrorCode.WRONG_CREDENTIALS, "Wrong username or password.")));
        m.put("error-without-id", Map.entry(MessageType.PING, new ErrorReply(null, ErrorCode.BAD_JSON, "the frame is not valid JSON")));
        return m;
    }

    static Map<String, Event> events() {
        Map<String, Event> m = new LinkedHashMap<>();
        m.put("event-presence", new Event.Presence("tea-party", BOB, PresenceState.JOINED));
        m.put("event-display_name_changed", new Event.DisplayNameChanged(new UserInfo("alice", "Alice Pleasance Liddell")));
        m.put("event-channel_deleted", new Event.ChannelDeleted("tea-party"));
        m.put("event-channel_removed", new Event.ChannelRemoved("tea-party"));
        m.put("event-join_requested", new Event.JoinRequested("tea-party", BOB));
        m.put("event-join_answered", new Event.JoinAnswered("tea-party", true));
        m.put("event-call_incoming", new Event.CallIncoming("c-5f1e2d", "tea-party", ALICE, Media.VIDEO));
        m.put("event-call_accepted", new Event.CallAccepted("c-5f1e2d"));
        m.put("event-call_declined", new Event.CallDeclined("c-5f1e2d"));
        m.put("event-call_cancelled", new Event.CallCancelled("c-5f1e2d"));
        m.put("event-call_ended", new Event.CallEnded("c-5f1e2d", EndReason.NO_ANSWER));
        m.put("event-offer", new Event.Offer("c-5f1e2d", "alice", SDP));
        m.put("event-answer", new Event.Answer("c-5f1e2d", "bob", SDP));
        m.put("event-candidate", new Event.Candidate("c-5f1e2d", "alice", "0", 0, CANDIDATE));
        m.put("event-missed_calls", new Event.MissedCalls(List.of(MISSED)));
        m.put("event-server_shutdown", new Event.ServerShutdown(2000L));
        return m;
    }

    private Samples() {
    }
}
