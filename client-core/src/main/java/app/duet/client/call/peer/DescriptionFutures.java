package app.duet.client.call.peer;

import java.util.concurrent.CompletableFuture;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;

/** Adapters from libwebrtc's SDP observers to futures. */
final class DescriptionFutures {

    private DescriptionFutures() {
    }

    static final class Created implements CreateSessionDescriptionObserver {
        private final CompletableFuture<RTCSessionDescription> future = new CompletableFuture<>();

        CompletableFuture<RTCSessionDescription> future() {
            return future;
        }

        @Override
        public void onSuccess(RTCSessionDescription description) {
            future.complete(description);
        }

        @Override
        public void onFailure(String error) {
            future.completeExceptionally(new SdpException("creating a description failed: " + error));
        }
    }

    static final class Set implements SetSessionDescriptionObserver {
        private final CompletableFuture<Void> future = new CompletableFuture<>();

        CompletableFuture<Void> future() {
            return future;
        }

        @Override
        public void onSuccess() {
            future.complete(null);
        }

        @Override
        public void onFailure(String error) {
            future.completeExceptionally(new SdpException("setting a description failed: " + error));
        }
    }

    /** A description was refused by libwebrtc. */
    static final class SdpException extends RuntimeException {
        SdpException(String message) {
            super(message);
        }
    }
}
