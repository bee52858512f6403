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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.duet.client.signaling.AccountService;
import app.duet.client.signaling.ChannelAccessService;
import app.duet.client.signaling.ChannelService;
import app.duet.client.signaling.ServerConnection;
import app.duet.client.signaling.SignalingException;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.ui.common.DisplayNames;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.shell.SessionState;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.FieldFormat;
import app.duet.protocol.InviteLink;
import app.duet.protocol.Media;
import app.duet.protocol.Result;

/**
 * Channels: create one, join one with an invite link (or, as a member, by name), ask the owner of a private
 * channel to let you in, see your channels and who is present, call the other member. Presence events keep the
 * list current without polling.
 */
public final class ChannelsViewModel implements SignalingListener {
    private final ChannelService channelService;
    private final ChannelAccessService access;
    private final AccountService accounts;
    private final ServerConnection events;
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
    /** The private channel the person may ask to join (their join needed an invite), else empty. */
    private final ReadOnlyStringWrapper askable = new ReadOnlyStringWrapper("");

    public ChannelsViewModel(ChannelService channelService, ChannelAccessService access, AccountService accounts,
                             ServerConnection events, SessionState session, Navigator navigator, CallLauncher calls,
                             Executor ui) {
        this.channelService = channelService;
        this.access = access;
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

    public ReadOnlyStringProperty askableProperty() {
        return askable.getReadOnlyProperty();
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
        submitName(channelService::createChannel, "Channel \"%s\" created. Invite the other person from its card.");
    }

    /** With an invite link (pasted in the name field) joins with it; with a name, only a member gets in. */
    public void join() {
        if (!canSubmitName.get()) {
            return;
        }
        InviteLink.parse(channelName.get()).ifPresentOrElse(this::joinWith,
                () -> submitName(channelService::joinChannel, "You joined \"%s\"."));
    }

    /** Asks the owner of the channel whose join needed an invite to let the person in. */
    public void askToJoin() {
        String name = askable.get();
        if (name.isEmpty()) {
            return;
        }
        askable.set("");
        access.requestJoin(name).whenCompleteAsync((ok, error) -> message.set(error != null ? ErrorMessages.of(error)
                : UserMessage.info("You asked to join \"" + name + "\". It shows up here when the owner lets you in.")), ui);
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
                        "Invite the other person from the channel's card.")));
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
    public void onChannelRemoved(Event.ChannelRemoved event) {
        ui.execute(() -> {
            channels.removeIf(c -> c.name().equals(event.name()));
            message.set(UserMessage.warning("The owner removed you from \"" + event.name() + "\".", ""));
        });
    }

    @Override
    public void onJoinAnswered(Event.JoinAnswered event) {
        ui.execute(() -> {
            if (Boolean.TRUE.equals(event.approved())) {
                refresh();
                message.set(UserMessage.success("You're in: the owner let you into \"" + event.channel() + "\"."));
            } else {
                message.set(UserMessage.warning("The owner of \"" + event.channel() + "\" said no.", ""));
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
                    "Use " + FieldFormat.CHANNEL_NAME.description() + ", or paste an invite link."));
            return;
        }
        submit(name, action.apply(name), done);
    }

    private void joinWith(InviteLink link) {
        java.net.URI server = events.serverUri();
        if (!link.host().equalsIgnoreCase(server.getHost()) || link.port() != server.getPort()) {
            message.set(UserMessage.error("That invite is for another server, " + link.host() + ".",
                    "Sign in to that server first (Settings, Server), then paste the link again."));
            return;
        }
        submit(link.channel(), channelService.joinChannel(link.channel(), link.invite()), "You joined \"%s\".");
    }

    private void submit(String name, CompletableFuture<Result.Channel> request, String done) {
        busy.set(true);
        askable.set("");
        request.whenCompleteAsync((result, error) -> {
            busy.set(false);
            if (error != null) {
                message.set(ErrorMessages.of(error));
                if (app.duet.client.ui.common.Background.cause(error) instanceof SignalingException.ServerError e
                        && (e.code() == ErrorCode.CHANNEL_INVITE_REQUIRED || e.code() == ErrorCode.REMOVED_FROM_CHANNEL)) {
                    askable.set(name);
                }
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
