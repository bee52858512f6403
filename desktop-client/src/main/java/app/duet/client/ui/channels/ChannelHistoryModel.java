package app.duet.client.ui.channels;

import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.duet.client.signaling.HistoryService;
import app.duet.client.signaling.SignalingEventSource;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.UserMessage;
import app.duet.protocol.Event;
import app.duet.protocol.HistoryEntry;
import app.duet.protocol.Media;
import app.duet.protocol.Result;

/**
 * Missed calls and the history of one channel at a time, for the channels screen. The missed calls are the
 * server's one state for the user: opening a channel's history marks its missed calls seen on every device,
 * and a change made on another device arrives as an event.
 */
public final class ChannelHistoryModel implements SignalingListener {
    /** Calls shown when a channel's history opens. */
    static final int PAGE = 20;

    private final HistoryService history;
    private final SignalingEventSource events;
    private final Executor ui;
    private final ObservableList<HistoryEntry> missed = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> calls = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> readOnlyMissed = FXCollections.unmodifiableObservableList(missed);
    private final ObservableList<HistoryEntry> readOnlyCalls = FXCollections.unmodifiableObservableList(calls);
    private final ReadOnlyStringWrapper openChannel = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();

    public ChannelHistoryModel(HistoryService history, SignalingEventSource events, Executor ui) {
        this.history = history;
        this.events = events;
        this.ui = ui;
        events.addListener(this, ui);
        ui.execute(() -> missed.setAll(history.missedCalls()));
    }

    /** The unseen missed calls, newest first. */
    public ObservableList<HistoryEntry> missed() {
        return readOnlyMissed;
    }

    public int missedIn(String channel) {
        return (int) missed.stream().filter(e -> e.channel().equals(channel)).count();
    }

    /** The open channel's calls, newest first. */
    public ObservableList<HistoryEntry> calls() {
        return readOnlyCalls;
    }

    /** The channel whose history is open, or null. */
    public ReadOnlyStringProperty openChannelProperty() {
        return openChannel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Opens the channel's history, or closes it if it is open; opening marks its missed calls seen. */
    public void toggle(String channel) {
        if (channel.equals(openChannel.get())) {
            openChannel.set(null);
            calls.clear();
            return;
        }
        openChannel.set(channel);
        calls.clear();
        reload(channel);
        markSeen(channel);
    }

    /** What "Call back" rings with: the media of the latest missed call in the channel, video otherwise. */
    public Media callBackMedia(String channel) {
        return missed.stream().filter(e -> e.channel().equals(channel)).findFirst().map(HistoryEntry::media)
                .orElse(Media.VIDEO);
    }

    public void markSeen(String channel) {
        if (missedIn(channel) == 0) {
            return;
        }
        missed.removeIf(e -> e.channel().equals(channel));
        history.markMissedSeen(channel).whenCompleteAsync((ok, error) -> report(error), ui);
    }

    /** Clears the channel's history for this user only. */
    public void clear(String channel) {
        history.clearHistory(channel).whenCompleteAsync((ok, error) -> {
            if (!report(error)) {
                missed.removeIf(e -> e.channel().equals(channel));
                if (channel.equals(openChannel.get())) {
                    calls.clear();
                }
                message.set(UserMessage.info("Your call history in \"" + channel + "\" is cleared."));
            }
        }, ui);
    }

    public void dispose() {
        events.removeListener(this);
    }

    @Override
    public void onMissedCalls(Event.MissedCalls event) {
        missed.setAll(event.calls());
        String open = openChannel.get();
        if (open != null) {
            reload(open);
        }
    }

    @Override
    public void onCallEnded(Event.CallEnded event) {
        String open = openChannel.get();
        if (open != null) {
            reload(open);
        }
    }

    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        missed.setAll(history.missedCalls());
    }

    private void reload(String channel) {
        history.history(channel, null, PAGE).whenCompleteAsync((page, error) -> {
            if (!report(error) && channel.equals(openChannel.get())) {
                calls.setAll(page.calls());
            }
        }, ui);
    }

    /** True if {@code error} was shown. */
    private boolean report(Throwable error) {
        if (error != null) {
            message.set(ErrorMessages.of(error));
        }
        return error != null;
    }
}
