package app.duet.client.headless;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import app.duet.client.signaling.ChannelAccessClient;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingException;
import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.InviteLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a headless client gets into its private channel: with {@code --invite} if given; else it joins as a
 * member, creates the channel if there is none, or asks its owner to let it in and waits for the answer. With
 * {@code --admit-requests} it approves every join request to its channel: two bots started together then meet
 * whichever of them creates the channel, and a person can reach an echo bot by asking to join.
 */
final class ChannelEntry implements SignalingListener {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelEntry.class);

    private final SignalingClient signaling;
    private final ChannelAccessClient access;
    private final String channel;
    private final boolean admitRequests;
    private final CompletableFuture<Boolean> answered = new CompletableFuture<>();

    /** Listens from here on: make it before the client signs in. */
    ChannelEntry(SignalingClient signaling, String channel, boolean admitRequests) {
        this.signaling = signaling;
        this.access = new ChannelAccessClient(signaling);
        this.channel = channel;
        this.admitRequests = admitRequests;
        signaling.addListener(this);
    }

    /** Enters the channel; {@code invite} is a link or a bare token, or null. */
    ChannelInfo enter(String invite, Duration wait) throws InterruptedException {
        if (invite != null) {
            String token = InviteLink.parse(invite).map(InviteLink::invite).orElse(invite);
            return HeadlessClient.await(signaling.joinChannel(channel, token)).channel();
        }
        try {
            return HeadlessClient.await(signaling.joinChannel(channel)).channel();
        } catch (SignalingException.ServerError e) {
            if (e.code() == ErrorCode.CHANNEL_NOT_FOUND) {
                return createOrAsk(wait);
            }
            if (e.code() != ErrorCode.CHANNEL_INVITE_REQUIRED) {
                throw e;
            }
        }
        return ask(wait);
    }

    /** Two clients starting together may race to create: the one who loses asks the winner. */
    private ChannelInfo createOrAsk(Duration wait) throws InterruptedException {
        try {
            return HeadlessClient.await(signaling.createChannel(channel)).channel();
        } catch (SignalingException.ServerError e) {
            if (e.code() != ErrorCode.CHANNEL_EXISTS) {
                throw e;
            }
            return ask(wait);
        }
    }

    private ChannelInfo ask(Duration wait) throws InterruptedException {
        LOG.info("{} is private; asking its owner to let us in", channel);
        HeadlessClient.await(access.requestJoin(channel));
        boolean approved;
        try {
            approved = answered.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            approved = false;
        }
        if (!approved) {
            throw new SignalingException.ServerError(ErrorCode.CHANNEL_INVITE_REQUIRED,
                    "The owner of " + channel + " did not let us in (no invite given).");
        }
        return HeadlessClient.await(signaling.joinChannel(channel)).channel();
    }

    @Override
    public void onJoinAnswered(Event.JoinAnswered event) {
        if (event.channel().equals(channel)) {
            answered.complete(event.approved());
        }
    }

    @Override
    public void onJoinRequested(Event.JoinRequested event) {
        if (admitRequests && event.channel().equals(channel)) {
            LOG.info("Letting {} into {} (--admit-requests)", event.user().username(), channel);
            access.answerJoin(channel, event.user().username(), true).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("Could not let {} in: {}", event.user().username(), error.getMessage());
                }
            });
        }
    }
}
