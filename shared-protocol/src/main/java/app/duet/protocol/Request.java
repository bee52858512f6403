package app.duet.protocol;

import app.duet.protocol.Field.Format;
import app.duet.protocol.Field.MaxLength;
import app.duet.protocol.Field.MayBeEmpty;
import app.duet.protocol.Field.Optional;

/**
 * A client-to-server request. {@code id} is chosen by the client (1-64 characters) and comes back in the
 * {@link Ok} or {@link ErrorReply} that answers it. The result type of each request is
 * {@link MessageType#resultClass()}.
 */
public sealed interface Request extends Message {
    /** The client-chosen id that the reply will carry; only a {@link Candidate} may go without (no reply). */
    String id();

    /** First message on every connection. Result: {@link Result.Hello}. */
    record Hello(@MaxLength(Protocol.MAX_ID_LENGTH) String id, Integer protocolVersion, String client)
            implements Request {
    }

    /** Creates an account and logs in. Result: {@link Result.Auth}. */
    record Signup(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Format(FieldFormat.USERNAME) String username,
            @Format(FieldFormat.DISPLAY_NAME) @MaxLength(Protocol.MAX_DISPLAY_NAME_LENGTH) String displayName,
            @Format(FieldFormat.EMAIL) @MaxLength(Protocol.MAX_EMAIL_LENGTH) String email,
            @MaxLength(Protocol.MAX_PASSWORD_LENGTH) String password,
            @Optional @MaxLength(Protocol.MAX_TOKEN_LENGTH) String invite) implements Request {
        /** Without a registration invite (servers with open registration need none). */
        public Signup(String id, String username, String displayName, String email, String password) {
            this(id, username, displayName, email, password, null);
        }

        @Override
        public String toString() {
            return "Signup[id=" + id + ", username=" + username + ", displayName=" + displayName
                    + ", email=" + email + ", password=<hidden>" + (invite == null ? "" : ", invite=<hidden>") + "]";
        }
    }

    /** Result: {@link Result.Auth}. */
    record Login(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Format(FieldFormat.USERNAME) String username,
            @MaxLength(Protocol.MAX_PASSWORD_LENGTH) String password) implements Request {
        @Override
        public String toString() {
            return "Login[id=" + id + ", username=" + username + ", password=<hidden>]";
        }
    }

    /** Logs in with a session token from an earlier signup/login. Result: {@link Result.Auth}. */
    record Resume(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @MaxLength(Protocol.MAX_TOKEN_LENGTH) String token)
            implements Request {
        @Override
        public String toString() {
            return "Resume[id=" + id + ", token=<hidden>]";
        }
    }

    /**
     * Revokes this connection's session, or with {@code everywhere: true} every session of the account
     * (other devices are closed with {@link Protocol#CLOSE_SESSION_REVOKED}). Result: {@link Result.Empty}.
     */
    record Logout(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Optional Boolean everywhere) implements Request {
        /** Logs out this session only. */
        public Logout(String id) {
            this(id, null);
        }

        public boolean isEverywhere() {
            return Boolean.TRUE.equals(everywhere);
        }
    }

    /** Result: {@link Result.Empty}. Other sessions of the account are revoked. */
    record ChangePassword(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @MaxLength(Protocol.MAX_PASSWORD_LENGTH) String oldPassword,
            @MaxLength(Protocol.MAX_PASSWORD_LENGTH) String newPassword) implements Request {
        @Override
        public String toString() {
            return "ChangePassword[id=" + id + ", oldPassword=<hidden>, newPassword=<hidden>]";
        }
    }

    /** Changes the display name others see. Result: {@link Result.User}; others get {@link Event.DisplayNameChanged}. */
    record ChangeDisplayName(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Format(FieldFormat.DISPLAY_NAME) @MaxLength(Protocol.MAX_DISPLAY_NAME_LENGTH) String displayName)
            implements Request {
    }

    /**
     * Deletes the account for good, confirmed with its password. Result: {@link Result.Empty}; the account's
     * other connections are closed with {@link Protocol#CLOSE_ACCOUNT_CLOSED}, this one stays, signed out.
     */
    record AccountDelete(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @MaxLength(Protocol.MAX_PASSWORD_LENGTH) String password) implements Request {
        @Override
        public String toString() {
            return "AccountDelete[id=" + id + ", password=<hidden>]";
        }
    }

    /** Everything the server keeps about the signed-in user. Result: {@link Result.AccountExport}. */
    record AccountExport(@MaxLength(Protocol.MAX_ID_LENGTH) String id) implements Request {
    }

    /** Asks for a reset code for a username or e-mail. Same answer whether the account exists or not. */
    record PasswordResetRequest(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @MaxLength(Protocol.MAX_EMAIL_LENGTH) String login) implements Request {
    }

    /** Sets a new password with a reset code. Result: {@link Result.Empty}. All sessions are revoked. */
    record PasswordResetConfirm(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Format(FieldFormat.USERNAME) String username,
            @MaxLength(64) String code,
            @MaxLength(Protocol.MAX_PASSWORD_LENGTH) String newPassword) implements Request {
        @Override
        public String toString() {
            return "PasswordResetConfirm[id=" + id + ", username=" + username + ", code=<hidden>, newPassword=<hidden>]";
        }
    }

    /** Result: {@link Result.IceServers}. */
    record IceServers(@MaxLength(Protocol.MAX_ID_LENGTH) String id) implements Request {
    }

    /**
     * Creates a private channel owned by the caller, who becomes its first member. Without {@code name} the
     * server picks one nobody can guess. Result: {@link Result.Channel}.
     */
    record ChannelCreate(@MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Optional @Format(FieldFormat.CHANNEL_NAME) String name) implements Request {
    }

    /**
     * Becomes a member of a channel (a no-op for a member). A non-member needs {@code invite}, a token from
     * the owner's {@link ChannelInviteCreate}. Result: {@link Result.Channel}.
     */
    record ChannelJoin(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String name,
            @Optional @Format(FieldFormat.INVITE_TOKEN) String invite) implements Request {
        /** Without an invite: a member's no-op. */
        public ChannelJoin(String id, String name) {
            this(id, name, null);
        }

        @Override
        public String toString() {
            return "ChannelJoin[id=" + id + ", name=" + name + (invite == null ? "" : ", invite=<hidden>") + "]";
        }
    }

    /** Verifying a new account's e-mail address; their records are in {@link EmailVerificationRequests}. */
    sealed interface EmailVerification extends Request permits EmailVerificationRequests.EmailVerify,
            EmailVerificationRequests.EmailVerifyResend {
    }

    /** Requests about who may join a private channel; their records are in {@link ChannelAccessRequests}. */
    sealed interface ChannelAccess extends Request permits ChannelAccessRequests.ChannelInviteCreate,
            ChannelAccessRequests.ChannelInvites, ChannelAccessRequests.ChannelInviteRevoke,
            ChannelAccessRequests.ChannelRemoveMember, ChannelAccessRequests.ChannelLock, ChannelAccessRequests.ChannelJoinRequest,
            ChannelAccessRequests.ChannelJoinRequests, ChannelAccessRequests.ChannelJoinAnswer {
    }

    /** Stops being a member. Result: {@link Result.Empty}. */
    record ChannelLeave(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String name)
            implements Request {
    }

    /** Deletes a channel; owner only. Result: {@link Result.Empty}. */
    record ChannelDelete(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String name)
            implements Request {
    }

    /** Result: {@link Result.Channels}. */
    record ChannelsList(@MaxLength(Protocol.MAX_ID_LENGTH) String id) implements Request {
    }

    /**
     * Rings the other member of a channel. {@code callId}, optional, is the id the caller proposes for the
     * call, so that it knows the id before any event about the call can arrive. Result: {@link Result.CallRing}.
     */
    record CallRing(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Format(FieldFormat.CHANNEL_NAME) String channel,
            Media media,
            @Optional @Format(FieldFormat.CALL_ID) String callId) implements Request {

        /** A ring whose call id the server chooses. */
        public CallRing(String id, String channel, Media media) {
            this(id, channel, media, null);
        }
    }

    /** Callee accepts. Result: {@link Result.Empty}. */
    record CallAccept(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @MaxLength(64) String callId)
            implements Request {
    }

    /** Callee declines. Result: {@link Result.Empty}. */
    record CallDecline(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @MaxLength(64) String callId)
            implements Request {
    }

    /** Caller gives up before an answer. Result: {@link Result.Empty}. */
    record CallCancel(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @MaxLength(64) String callId)
            implements Request {
    }

    /** Either member ends an accepted call. Result: {@link Result.Empty}. */
    record CallHangup(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @MaxLength(64) String callId)
            implements Request {
    }

    /** An SDP offer for the other member of the call. Result: {@link Result.Empty}. */
    record Offer(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @MaxLength(64) String callId,
            @MaxLength(Protocol.MAX_SDP_LENGTH) String sdp) implements Request {
    }

    /** An SDP answer for the other member of the call. Result: {@link Result.Empty}. */
    record Answer(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @MaxLength(64) String callId,
            @MaxLength(Protocol.MAX_SDP_LENGTH) String sdp) implements Request {
    }

    /**
     * An ICE candidate for the other member; an empty {@code candidate} means end of candidates. Result:
     * {@link Result.Empty}, only when {@code id} is given: without it (how Duet's client sends candidates,
     * the most numerous relayed message) success is silent and a failure comes as an error without id.
     */
    record Candidate(
            @Optional @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @MaxLength(64) String callId,
            @Optional @MayBeEmpty @MaxLength(64) String sdpMid,
            Integer sdpMLineIndex,
            @MayBeEmpty @MaxLength(Protocol.MAX_CANDIDATE_LENGTH) String candidate) implements Request {
    }

    /**
     * A page of your call history, newest first: of one channel you are a member of, or of all your calls
     * when {@code channel} is absent. {@code limit}: 1 to {@link Protocol#MAX_HISTORY_PAGE}; {@code before}:
     * the {@code next} of the previous page, absent for the first. Result: {@link Result.History}.
     */
    record History(
            @MaxLength(Protocol.MAX_ID_LENGTH) String id,
            @Optional @Format(FieldFormat.CHANNEL_NAME) String channel,
            @Optional Long before,
            Integer limit) implements Request {
    }

    /**
     * Marks your missed calls seen, in one channel or (without {@code channel}) everywhere; your other
     * connections get {@code missed_calls}. Result: {@link Result.Empty}.
     */
    record HistorySeen(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Optional @Format(FieldFormat.CHANNEL_NAME) String channel)
            implements Request {
    }

    /**
     * Removes calls from your history, in one channel or (without {@code channel}) all; the other member
     * keeps theirs. Result: {@link Result.Empty}.
     */
    record HistoryClear(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Optional @Format(FieldFormat.CHANNEL_NAME) String channel)
            implements Request {
    }

    /** Application-level keepalive. Result: {@link Result.Empty}. */
    record Ping(@MaxLength(Protocol.MAX_ID_LENGTH) String id) implements Request {
    }

    /** An offer, answer or candidate as a server relays it: {@link PassThrough}. */
    sealed interface Relayed extends Request permits PassThrough {
    }
}
