package app.duet.protocol;

import java.util.List;

/** The {@code result} object of an {@link Ok} reply; which one depends on the request. */
public sealed interface Result {
    /** {@code {}}. */
    record Empty() implements Result {
        public static final Empty INSTANCE = new Empty();
    }

    /**
     * Reply to hello. {@code heartbeatSeconds}: the server drops a connection silent for longer.
     * {@code registration}: who may sign up; absent from older servers, which then read as open.
     * {@code emailVerification}: true when a new account must verify its e-mail address before signing in;
     * absent otherwise.
     */
    record Hello(String serverVersion, Integer protocolVersion, Integer heartbeatSeconds,
                 @Field.Optional RegistrationMode registration, @Field.Optional Boolean emailVerification)
            implements Result {
        /** Without announcing the registration mode, as servers before it did. */
        public Hello(String serverVersion, Integer protocolVersion, Integer heartbeatSeconds) {
            this(serverVersion, protocolVersion, heartbeatSeconds, null, null);
        }

        public Hello(String serverVersion, Integer protocolVersion, Integer heartbeatSeconds, RegistrationMode registration) {
            this(serverVersion, protocolVersion, heartbeatSeconds, registration, null);
        }

        /** Whether sign-up ends with a code mailed to the new account's address. */
        public boolean verifiesEmail() {
            return Boolean.TRUE.equals(emailVerification);
        }

        /** The registration mode, open when the server did not say (older servers). */
        public RegistrationMode registrationOrOpen() {
            return registration == null ? RegistrationMode.OPEN : registration;
        }
    }

    /**
     * Reply to signup, login and resume. {@code call} is present only after a resume that re-attached
     * the session to a call it had before disconnecting.
     */
    record Auth(SessionInfo session, UserInfo user, @Field.Optional CallInfo call) implements Result {
    }

    /** Reply to ice_servers: pass {@code iceServers} to RTCConfiguration; ask again before ttlSeconds. */
    record IceServers(List<IceServer> iceServers, Long ttlSeconds) implements Result {
        public IceServers {
            iceServers = iceServers == null ? null : List.copyOf(iceServers);
        }
    }

    /** Reply to change_display_name: the user as others now see them. */
    record User(UserInfo user) implements Result {
    }

    /** Reply to account_export. */
    record AccountExport(AccountData export) implements Result {
    }

    /** Reply to channel_create and channel_join. */
    record Channel(ChannelInfo channel) implements Result {
    }

    /** Reply to channels_list. */
    record Channels(List<ChannelInfo> channels) implements Result {
        public Channels {
            channels = channels == null ? null : List.copyOf(channels);
        }
    }

    /** Reply to channel_invite_create: the invite and its token, which the server keeps only hashed. */
    record InviteCreated(InviteInfo invite, @Field.Format(FieldFormat.INVITE_TOKEN) String token) implements Result {
        @Override
        public String toString() {
            return "InviteCreated[invite=" + invite + ", token=<hidden>]";
        }
    }

    /** Reply to channel_invites: the invites that can still be used, newest first. */
    record Invites(List<InviteInfo> invites) implements Result {
        public Invites {
            invites = invites == null ? null : List.copyOf(invites);
        }
    }

    /** Reply to channel_join_requests: who waits for an answer, oldest first. */
    record JoinRequests(List<UserInfo> users) implements Result {
        public JoinRequests {
            users = users == null ? null : List.copyOf(users);
        }
    }

    /** Reply to call_ring. */
    record CallRing(String callId) implements Result {
    }

    /** Reply to history: newest first; {@code next}, when present, is the {@code before} of the next page. */
    record History(List<HistoryEntry> calls, @Field.Optional Long next) implements Result {
        public History {
            calls = calls == null ? null : List.copyOf(calls);
        }
    }
}
