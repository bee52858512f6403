package app.duet.client.call.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import app.duet.client.call.data.DataLink;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.model.TransportStatus;
import app.duet.client.call.stats.StatsReport;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one {@link RTCPeerConnection}: its senders, the sinks on its remote tracks and its data channel
 * handle. Only plain Duet types cross its public surface; {@link PeerMedia} works the senders and remote
 * tracks from inside this package. SDP operations run one after another, like the browser's operations
 * chain, and their results continue on the call's serial executor; observer events are forwarded to that
 * executor too.
 */
public final class PeerSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerSession.class);
    public static final String STREAM_ID = "duet";

    /** Events from the connection, delivered on the call's executor. */
    public interface Events {
        void localCandidate(IceCandidateInfo candidate);

        void transport(TransportStatus status);

        void negotiationNeeded();
    }

    private final RTCPeerConnection pc;
    private final Executor executor;
    private final List<Runnable> sinkRemovals = new ArrayList<>();
    private Consumer<MediaStreamTrack> remoteTracks = track -> { };
    private CompletableFuture<?> operations = CompletableFuture.completedFuture(null);
    private boolean closed;

    public PeerSession(MediaEngine engine, PeerConfig config, Executor executor, Events events) {
        this.executor = executor;
        this.pc = engine.factory().createPeerConnection(config.toRtc(), new Observer(events));
    }

    /** Where the far side's tracks go, on the call's executor (the call's {@link PeerMedia}). */
    void onRemoteTrack(Consumer<MediaStreamTrack> receiver) {
        this.remoteTracks = receiver;
    }

    RTCRtpSender addTrack(MediaStreamTrack track) {
        return pc.addTrack(track, List.of(STREAM_ID));
    }

    void replaceTrack(RTCRtpSender sender, MediaStreamTrack track) {
        sender.replaceTrack(track);
    }

    /**
     * A pre-negotiated channel (same id on both sides), so neither side waits for onDataChannel; its messages
     * go to {@code handler} on {@code handlerExecutor}.
     */
    public DataLink openDataLink(String label, int id, Executor handlerExecutor, DataLink.Handler handler) {
        RTCDataChannelInit init = new RTCDataChannelInit();
        init.negotiated = true;
        init.id = id;
        init.ordered = true;
        return new DataChannelLink(pc.createDataChannel(label, init), handlerExecutor, handler);
    }

    public CompletableFuture<String> createOffer(boolean iceRestart) {
        return enqueue(() -> {
            RTCOfferOptions options = new RTCOfferOptions();
            options.iceRestart = iceRestart;
            DescriptionFutures.Created offer = new DescriptionFutures.Created();
            pc.createOffer(options, offer);
            return offer.future().thenCompose(desc -> setLocal(desc).thenApply(v -> desc.sdp));
        });
    }

    /** Sets the remote offer (after rolling back our own offer when asked), then creates and sets the answer. */
    public CompletableFuture<String> answer(String offerSdp, boolean rollbackFirst) {
        return enqueue(() -> {
            CompletableFuture<Void> ready = rollbackFirst
                    ? setLocal(new RTCSessionDescription(RTCSdpType.ROLLBACK, ""))
                    : CompletableFuture.completedFuture(null);
            return ready.thenCompose(v -> setRemote(new RTCSessionDescription(RTCSdpType.OFFER, offerSdp)))
                    .thenCompose(v -> {
                        DescriptionFutures.Created answer = new DescriptionFutures.Created();
                        pc.createAnswer(new RTCAnswerOptions(), answer);
                        return answer.future();
                    })
                    .thenCompose(desc -> setLocal(desc).thenApply(v -> desc.sdp));
        });
    }

    /** Drops our local offer that the far side never answered (back to stable). */
    public CompletableFuture<Void> rollback() {
        return enqueue(() -> setLocal(new RTCSessionDescription(RTCSdpType.ROLLBACK, "")));
    }

    public CompletableFuture<Void> applyAnswer(String answerSdp) {
        return enqueue(() -> setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, answerSdp)));
    }

    public void addCandidates(List<IceCandidateInfo> candidates) {
        for (IceCandidateInfo c : candidates) {
            try {
                pc.addIceCandidate(new RTCIceCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate()));
            } catch (RuntimeException e) {
                LOG.debug("Ignoring a remote candidate the connection refused: {}", c.candidate(), e);
            }
        }
    }

    /**
     * Whether local changes still need an offer: a transceiver not yet in any description, or one whose
     * wanted direction differs from the negotiated one (e.g. a track added to a receive-only transceiver).
     */
    public boolean needsNegotiation() {
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            if (transceiver.stopped()) {
                continue;
            }
            RTCRtpTransceiverDirection current = transceiver.getCurrentDirection();
            if (transceiver.getMid() == null || current == null || current != transceiver.getDirection()) {
                return true;
            }
        }
        return false;
    }

    /** Asks for a stats report; {@code consumer} gets its copy on libwebrtc's thread. */
    public void stats(Consumer<StatsReport> consumer) {
        pc.getStats(report -> NativeCallbacks.guard("onStatsDelivered",
                () -> consumer.accept(StatsReportReader.read(report))));
    }

    public void restartIce() {
        pc.restartIce();
    }

    public String localSdp() {
        RTCSessionDescription desc = pc.getLocalDescription();
        return desc == null ? null : desc.sdp;
    }

    public String remoteSdp() {
        RTCSessionDescription desc = pc.getRemoteDescription();
        return desc == null ? null : desc.sdp;
    }

    /** Attaches a sink to a remote video track; it is removed again when the session closes. */
    void attach(VideoTrack track, VideoTrackSink sink) {
        track.addSink(sink);
        sinkRemovals.add(() -> track.removeSink(sink));
    }

    void attach(AudioTrack track, AudioTrackSink sink) {
        track.addSink(sink);
        sinkRemovals.add(() -> track.removeSink(sink));
    }

    private CompletableFuture<Void> setLocal(RTCSessionDescription desc) {
        DescriptionFutures.Set set = new DescriptionFutures.Set();
        pc.setLocalDescription(desc, set);
        return set.future();
    }

    private CompletableFuture<Void> setRemote(RTCSessionDescription desc) {
        DescriptionFutures.Set set = new DescriptionFutures.Set();
        pc.setRemoteDescription(desc, set);
        return set.future();
    }

    private <T> CompletableFuture<T> enqueue(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = operations
                .handle((ignored, error) -> null)
                .thenComposeAsync(ignored -> closed ? CompletableFuture.<T>failedFuture(
                        new IllegalStateException("peer connection closed")) : operation.get(), executor)
                .thenApplyAsync(value -> value, executor);
        operations = result;
        return result;
    }

    /**
     * Removes sinks and senders, then closes the connection. Tracks stay alive for their owner
     * ({@code LocalMedia}) to dispose afterwards; remote tracks die with the connection.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sinkRemovals.forEach(Runnable::run);
        sinkRemovals.clear();
        for (RTCRtpSender sender : pc.getSenders()) {
            try {
                pc.removeTrack(sender);
            } catch (RuntimeException e) {
                LOG.debug("Removing a sender failed", e);
            }
        }
        pc.close();
    }

    private final class Observer implements PeerConnectionObserver {

        private final Events events;

        Observer(Events events) {
            this.events = events;
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            NativeCallbacks.guard("onIceCandidate", () -> {
                IceCandidateInfo info = new IceCandidateInfo(candidate.sdpMid, candidate.sdpMLineIndex, candidate.sdp);
                executor.execute(() -> events.localCandidate(info));
            });
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            TransportStatus status = switch (state) {
                case CONNECTED -> TransportStatus.CONNECTED;
                case DISCONNECTED -> TransportStatus.DISCONNECTED;
                case FAILED -> TransportStatus.FAILED;
                case NEW, CONNECTING -> TransportStatus.CONNECTING;
                case CLOSED -> null;
            };
            LOG.debug("Peer connection {}", state);
            if (status != null) {
                NativeCallbacks.guard("onConnectionChange", () -> executor.execute(() -> events.transport(status)));
            }
        }

        @Override
        public void onRenegotiationNeeded() {
            NativeCallbacks.guard("onRenegotiationNeeded", () -> executor.execute(events::negotiationNeeded));
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            NativeCallbacks.guard("onTrack", () -> {
                MediaStreamTrack track = transceiver.getReceiver().getTrack();
                executor.execute(() -> remoteTracks.accept(track));
            });
        }
    }
}
