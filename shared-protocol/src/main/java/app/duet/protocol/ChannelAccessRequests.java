package app.duet.protocol;

import app.duet.protocol.Field.Format;
import app.duet.protocol.Field.MaxLength;
import app.duet.protocol.Field.Optional;
import app.duet.protocol.Request.ChannelAccess;

/**
 * The requests of private channels (docs/protocol.md): the owner's invites, removal and lock, and join
 * requests. They are {@link Request}s like the others, kept here so that file stays readable.
 */
public final class ChannelAccessRequests {
    private ChannelAccessRequests() {
    }

    /**
     * The owner makes an invite: {@code maxUses} 1 to {@link Protocol#MAX_INVITE_USES} (default 1), valid for
     * {@code expiresInSeconds} (default {@link Protocol#DEFAULT_INVITE_SECONDS}, at most
     * {@link Protocol#MAX_INVITE_SECONDS}). Result: {@link Result.InviteCreated}, the only place the token appears.
     */
    public record ChannelInviteCreate(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String channel,
            @Optional Integer maxUses, @Optional Long expiresInSeconds) implements ChannelAccess {
    }

    /** The owner lists the invites that can still be used. Result: {@link Result.Invites}. */
    public record ChannelInvites(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String channel)
            implements ChannelAccess {
    }

    /** The owner revokes an invite by its id. Result: {@link Result.Empty}. */
    public record ChannelInviteRevoke(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String channel,
            @MaxLength(64) String inviteId) implements ChannelAccess {
    }

    /** The owner removes the other member (see docs/protocol.md). Result: {@link Result.Empty}. */
    public record ChannelRemoveMember(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String channel,
            @Format(FieldFormat.USERNAME) String username) implements ChannelAccess {
    }

    /** The owner locks (nobody joins, invite or not) or unlocks the channel. Result: {@link Result.Empty}. */
    public record ChannelLock(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String channel,
            Boolean locked) implements ChannelAccess {
    }

    /** A non-member asks the owner to let them in (answer: {@code join_answered}). Result: {@link Result.Empty}. */
    public record ChannelJoinRequest(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String name)
            implements ChannelAccess {
    }

    /** The owner lists who waits for an answer. Result: {@link Result.JoinRequests}. */
    public record ChannelJoinRequests(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String channel)
            implements ChannelAccess {
    }

    /** The owner approves (the asker becomes a member) or denies a join request. Result: {@link Result.Empty}. */
    public record ChannelJoinAnswer(@MaxLength(Protocol.MAX_ID_LENGTH) String id, @Format(FieldFormat.CHANNEL_NAME) String channel,
            @Format(FieldFormat.USERNAME) String username, Boolean approve) implements ChannelAccess {
    }
}
