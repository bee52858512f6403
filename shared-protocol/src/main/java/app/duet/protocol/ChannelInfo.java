package app.duet.protocol;

import app.duet.protocol.Field.Format;
import java.util.List;

/** A channel, its owner and its members (at most two); {@code locked} only when the owner locked it. */
public record ChannelInfo(
        @Format(FieldFormat.CHANNEL_NAME) String name,
        @Format(FieldFormat.USERNAME) String owner,
        List<MemberInfo> members,
        @Field.Optional Boolean locked) {
    public ChannelInfo {
        members = members == null ? null : List.copyOf(members);
    }

    /** An unlocked channel. */
    public ChannelInfo(String name, String owner, List<MemberInfo> members) {
        this(name, owner, members, null);
    }

    /** Whether the owner locked it: nobody joins, not even with an invite. */
    public boolean isLocked() {
        return Boolean.TRUE.equals(locked);
    }
}
