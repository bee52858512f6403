package app.duet.bench.calls;

import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.LatestFrameHolder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Plays the UI's part for one side's remote video: whenever a decoded frame is ready it takes it on
 * its own thread (never the WebRTC thread) and hands it to the current consumer, like the call page
 * drawing it. Frames that arrive while one is being handled replace each other, as in the app.
 */
final class FrameTap implements AutoCloseable {
    private final LatestFrameHolder holder;
    private final ExecutorService thread;
    private volatile Consumer<ArgbFrame> consumer = frame -> { };

    FrameTap(LatestFrameHolder holder, String name) {
        this.holder = holder;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "frame-tap-" + name);
            t.setDaemon(true);
            return t;
        });
        holder.setReadyListener(() -> thread.execute(this::drain));
    }

    void consumer(Consumer<ArgbFrame> newConsumer) {
        this.consumer = newConsumer;
    }

    private void drain() {
        ArgbFrame frame = holder.poll();
        if (frame != null) {
            consumer.accept(frame);
        }
    }

    @Override
    public void close() {
        holder.setReadyListener(null);
        thread.shutdownNow();
    }
}
