package app.duet.client.ui.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.duet.client.ui.common.DisplayNames;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.UserInfo;

/** A channel as the list shows it, from the point of view of the signed-in user. Immutable. */
public record ChannelRow(String name, String owner, List<MemberInfo> members, String me, boolean locked) {

    /** Member names are kept as they will be shown ({@link DisplayNames}): they come from other people. */
    public ChannelRow {
        members = members.stream()
                .map(m -> new MemberInfo(m.username(), DisplayNames.shown(m.displayName()), m.online())).toList();
    }

    public static ChannelRow of(ChannelInfo info, String me) {
        return new ChannelRow(info.name(), info.owner(), info.members() == null ? List.of() : info.members(), me,
                info.isLocked());
    }

    /** The other member, if someone joined. */
    public Optional<MemberInfo> peer() {
        return members.stream().filter(m -> !m.username().equals(me)).findFirst();
    }

    public boolean peerOnline() {
        return peer().map(m -> Boolean.TRUE.equals(m.online())).orElse(false);
    }

    public boolean ownedByMe() {
        return me.equals(owner);
    }

    /** The row after a presence event about {@code user}. */
    public ChannelRow with(UserInfo user, PresenceState state) {
        List<MemberInfo> next = new ArrayList<>(members);
        next.removeIf(m -> m.username().equals(user.username()));
        switch (state) {
            case JOINED, ONLINE -> next.add(new MemberInfo(user.username(), user.displayName(), true));
            case OFFLINE -> next.add(new MemberInfo(user.username(), user.displayName(), false));
            case LEFT -> { }
        }
        next.sort((a, b) -> a.username().equals(owner) ? -1 : b.username().equals(owner) ? 1 : 0);
        return new ChannelRow(name, owner, next, me, locked);
    }

    /** "Waiting for someone to join", "Bob is online", "Bob is offline". */
    public String presenceText() {
        return peer().map(p -> p.displayName() + (Boolean.TRUE.equals(p.online()) ? " is online" : " is offline"))
                .orElse(locked ? "Locked: nobody can join" : "Waiting for someone to join — send them an invite");
    }
}
