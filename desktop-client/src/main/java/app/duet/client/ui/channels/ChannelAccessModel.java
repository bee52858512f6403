package app.duet.client.ui.channels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import app.duet.client.signaling.ChannelAccessService;
import app.duet.client.signaling.SignalingEventSource;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.UserMessage;
import app.duet.protocol.Event;
import app.duet.protocol.UserInfo;

/**
 * The owner's side of private channels on the channels screen: who asks to join which channel (approve or
 * deny), removing the other member, locking. {@code channelsChanged} re-reads the channel list after a change
 * the list shows (a lock).
 */
public final class ChannelAccessModel implements SignalingListener {
    private final ChannelAccessService access;
    private final SignalingEventSource events;
    private final Runnable channelsChanged;
    private final Executor ui;
    /** Per channel the owner owns, who waits for an answer, oldest first. */
    private final ObservableMap<String, List<UserInfo>> requests = FXCollections.observableHashMap();
    /** One wrapper, kept: listeners on a short-lived one would be dropped with it. */
    private final ObservableMap<String, List<UserInfo>> readOnlyRequests = FXCollections.unmodifiableObservableMap(requests);
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    /** Channels whose waiting requests were read since sign-in; events keep them current after that. */
    private final Set<String> loaded = new HashSet<>();

    public ChannelAccessModel(ChannelAccessService access, SignalingEventSource events, Runnable channelsChanged,
            Executor ui) {
        this.access = access;
        this.events = events;
        this.channelsChanged = channelsChanged;
        this.ui = ui;
        events.addListener(this, ui);
    }

    public ObservableMap<String, List<UserInfo>> requests() {
        return readOnlyRequests;
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the waiting requests of the channels the user owns (e.g. sent while the app was closed). */
    public void load(List<ChannelRow> rows) {
        rows.stream().filter(ChannelRow::ownedByMe).filter(row -> loaded.add(row.name()))
                .forEach(row -> access.joinRequests(row.name())
                .whenCompleteAsync((result, error) -> {
                    if (error == null) {
                        setWaiting(row.name(), result.users());
                    }
                }, ui));
    }

    public void answer(String channel, UserInfo user, boolean approve) {
        access.answerJoin(channel, user.username(), approve).whenCompleteAsync((ok, error) -> {
            List<UserInfo> left = new ArrayList<>(requests.getOrDefault(channel, List.of()));
            left.removeIf(u -> u.username().equals(user.username()));
            setWaiting(channel, left);
            message.set(error != null ? ErrorMessages.of(error) : approve
                    ? UserMessage.success(user.displayName() + " is in \"" + channel + "\" now.")
                    : UserMessage.info("You said no to " + user.displayName() + "."));
        }, ui);
    }

    public void remove(ChannelRow row) {
        row.peer().ifPresent(peer -> access.removeMember(row.name(), peer.username()).whenCompleteAsync((ok, error) ->
                message.set(error != null ? ErrorMessages.of(error) : UserMessage.info(peer.displayName()
                        + " is no longer in \"" + row.name() + "\"; their old links do not bring them back.")), ui));
    }

    public void lock(ChannelRow row, boolean locked) {
        access.lock(row.name(), locked).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                message.set(ErrorMessages.of(error));
                return;
            }
            message.set(UserMessage.info(locked ? "\"" + row.name() + "\" is locked: nobody can join it."
                    : "\"" + row.name() + "\" is unlocked: invites work again."));
            channelsChanged.run();
        }, ui);
    }

    public void dispose() {
        events.removeListener(this);
    }

    @Override
    public void onSignedIn(app.duet.protocol.Result.Auth auth, boolean resumed) {
        // Requests may have come and gone while the connection was down.
        loaded.clear();
    }

    @Override
    public void onJoinRequested(Event.JoinRequested event) {
        List<UserInfo> waiting = new ArrayList<>(requests.getOrDefault(event.channel(), List.of()));
        if (waiting.stream().noneMatch(u -> u.username().equals(event.user().username()))) {
            waiting.add(event.user());
            setWaiting(event.channel(), waiting);
        }
    }

    private void setWaiting(String channel, List<UserInfo> users) {
        if (users.isEmpty()) {
            requests.remove(channel);
        } else {
            requests.put(channel, List.copyOf(users));
        }
    }
}
