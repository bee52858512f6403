package app.duet.client.ui.channels;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.duet.client.signaling.AccountService;
import app.duet.client.signaling.ChannelService;
import app.duet.client.signaling.SignalingEventSource;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.ui.common.DisplayNames;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.shell.SessionState;
import app.duet.protocol.Event;
import app.duet.protocol.FieldFormat;
import app.duet.protocol.Media;
import app.duet.protocol.Result;

/**
 * Channels: create one, join one by name, see your recent channels and who is present, call the other
 * member. Presence events keep the list current without polling.
 */
public final class ChannelsViewModel implements SignalingListener {
    private final ChannelService channelService;
    private final AccountService accounts;
    private final SignalingEventSource events;
    private final SessionState session;
    private final Navigator navigator;
    private final CallLauncher calls;
    private final Executor ui;
    private final ObservableList<ChannelRow> channels = FXCollections.observableArrayList();
    private final ObservableList<ChannelRow> readOnlyChannels = FXCollections.unmodifiableObservableList(channels);
    private final StringProperty channelName = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSubmitName;

    public ChannelsViewModel(ChannelService channelService, AccountService accounts, SignalingEventSource events,
                             SessionState session, Navigator navigator, CallLauncher calls, Executor ui) {
        this.channelService = channelService;
        this.accounts = accounts;
        this.events = events;
        this.session = session;
        this.navigator = navigator;
        this.calls = calls;
        this.ui = ui;
        canSubmitName = Bindings.createBooleanBinding(() -> !busy.get() && !channelName.get().isBlank(), busy, channelName);
        events.addListener(this, ui);
    }

    public ObservableList<ChannelRow> channels() {
        return readOnlyChannels;
    }

    public StringProperty channelNameProperty() {
        return channelName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows {@code notice} (null: none), e.g. what opening an invite link did. */
    public void notice(UserMessage notice) {
        message.set(notice);
    }

    public BooleanBinding canSubmitNameProperty() {
        return canSubmitName;
    }

    public String displayName() {
        return session.userProperty().get() == null ? "" : DisplayNames.shown(session.userProperty().get().displayName());
    }

    public void refresh() {
        channelService.listChannels().whenCompleteAsync((result, error) -> {
            if (error != null) {
                message.set(ErrorMessages.of(error));
            } else {
                channels.setAll(result.channels().stream().map(c -> ChannelRow.of(c, me())).toList());
            }
        }, ui);
    }

    public void create() {
        submitName(channelService::createChannel, "Channel \"%s\" created. Tell the other person its name so they can join.");
    }

    public void join() {
        submitName(channelService::joinChannel, "You joined \"%s\".");
    }

    public void leave(ChannelRow row) {
        channelService.leaveChannel(row.name()).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                message.set(ErrorMessages.of(error));
            } else {
                channels.removeIf(c -> c.name().equals(row.name()));
                message.set(UserMessage.info("You left \"" + row.name() + "\"."));
            }
        }, ui);
    }

    public void delete(ChannelRow row) {
        channelService.deleteChannel(row.name()).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                message.set(ErrorMessages.of(error));
            } else {
                channels.removeIf(c -> c.name().equals(row.name()));
                message.set(UserMessage.info("Channel \"" + row.name() + "\" deleted."));
            }
        }, ui);
    }

    /** False while calling is still starting up. */
    public javafx.beans.value.ObservableBooleanValue callsReady() {
        return calls.ready();
    }

    public void call(ChannelRow row, Media media) {
        row.peer().ifPresentOrElse(peer -> calls.call(row.name(), peer, media),
                () -> message.set(UserMessage.warning("Nobody else is in \"" + row.name() + "\" yet.",
                        "Tell the other person the channel name so they can join it.")));
    }

    public void logOut() {
        accounts.logout().whenCompleteAsync((ok, error) -> navigator.welcome(), ui);
    }

    public void account() {
        navigator.account();
    }

    public void settings() {
        navigator.settings();
    }

    public void dispose() {
        events.removeListener(this);
    }

    @Override
    public void onPresence(Event.Presence event) {
        ui.execute(() -> replace(event.channel(), row -> row.with(event.user(), event.state())));
    }

    /** Someone in our channels (or we) took a new name: the cards show it. */
    @Override
    public void onDisplayNameChanged(Event.DisplayNameChanged event) {
        ui.execute(this::refresh);
    }

    @Override
    public void onChannelDeleted(Event.ChannelDeleted event) {
        ui.execute(() -> {
            if (channels.removeIf(c -> c.name().equals(event.name()))) {
                message.set(UserMessage.info("The owner deleted the channel \"" + event.name() + "\"."));
            }
        });
    }

    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        // After a reconnect, presence may have changed while we were away.
        ui.execute(this::refresh);
    }

    private void submitName(java.util.function.Function<String, CompletableFuture<Result.Channel>> action, String done) {
        if (!canSubmitName.get()) {
            return;
        }
        String name = channelName.get().trim().toLowerCase(Locale.ROOT);
        if (!FieldFormat.CHANNEL_NAME.matches(name)) {
            message.set(UserMessage.error("\"" + channelName.get().trim() + "\" can't be a channel name.",
                    "Use " + FieldFormat.CHANNEL_NAME.description() + "."));
            return;
        }
        busy.set(true);
        action.apply(name).whenCompleteAsync((result, error) -> {
            busy.set(false);
            if (error != null) {
                message.set(ErrorMessages.of(error));
                return;
            }
            channelName.set("");
            ChannelRow row = ChannelRow.of(result.channel(), me());
            channels.removeIf(c -> c.name().equals(row.name()));
            channels.add(0, row);
            message.set(UserMessage.success(String.format(done, row.name())));
        }, ui);
    }

    private void replace(String name, java.util.function.UnaryOperator<ChannelRow> change) {
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).name().equals(name)) {
                channels.set(i, change.apply(channels.get(i)));
                return;
            }
        }
    }

    private String me() {
        return session.userProperty().get() == null ? "" : session.userProperty().get().username();
    }
}
