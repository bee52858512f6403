package app.duet.server.channels;

import app.duet.protocol.ErrorCode;
import app.duet.server.ServiceException;
import app.duet.server.store.Channels.Refusal;
import java.util.Optional;

/**
 * The channel rules' refusals, one sentence each, whether a node's copy refuses the change or the database
 * does (with several nodes, when another node changed the channel first: the client gets the same error as if
 * its node had seen that change).
 */
final class ChannelRefusals {
    private ChannelRefusals() {
    }

    static ServiceException of(Refusal refusal, String channel) {
        return switch (refusal) {
            case NO_CHANNEL -> new ServiceException(ErrorCode.CHANNEL_NOT_FOUND, "There is no channel named '" + channel + "'.");
            case NAME_TAKEN -> new ServiceException(ErrorCode.CHANNEL_EXISTS, "A channel named '" + channel + "' exists already.");
            case OWNS_TOO_MANY -> new ServiceException(ErrorCode.LIMIT_REACHED,
                    "You own " + ChannelRegistry.MAX_CHANNELS_OWNED + " channels already; delete one first.");
            case FULL -> new ServiceException(ErrorCode.CHANNEL_FULL, "The channel '" + channel + "' already has two members.");
            case LOCKED -> new ServiceException(ErrorCode.CHANNEL_LOCKED, "The owner locked '" + channel + "'; nobody can join it.");
        };
    }

    /** A store write's answer: throws (on the store writer, failing the write's future) if it refused. */
    static void requireAccepted(Optional<Refusal> refusal, String channel) {
        if (refusal.isPresent()) {
            throw of(refusal.get(), channel);
        }
    }
}
