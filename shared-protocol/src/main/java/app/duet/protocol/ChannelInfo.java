package app.duet.protocol;

import app.duet.protocol.Field.Format;
import java.util.List;

/** A channel, its owner and its members (at most two). */
public record ChannelInfo(
        @Format(FieldFormat.CHANNEL_NAME) String name,
        @Format(FieldFormat.USERNAME) String owner,
        List<MemberInfo> members) {
    public ChannelInfo {
        members = members == null ? null : List.copyOf(members);
    }
}
