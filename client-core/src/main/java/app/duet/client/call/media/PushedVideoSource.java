package app.duet.client.call.media;

import java.util.Locale;

import dev.onvoid.webrtc.media.video.CustomVideoSource;

/** Video drawn in Java (the synthetic pattern, a screen grab) and pushed at a fixed rate. */
final class PushedVideoSource extends AbstractLocalVideoSource {

    private final CustomVideoSource source;
    private final ProducedFrames frames;

    PushedVideoSource(VideoSourceKind kind, String label, FrameProducer producer, int fps) {
        this(kind, label, producer, fps, new CustomVideoSource());
    }

    private PushedVideoSource(VideoSourceKind kind, String label, FrameProducer producer, int fps,
                              CustomVideoSource source) {
        super(kind, label, source);
        this.source = source;
        this.frames = new ProducedFrames(kind.name().toLowerCase(Locale.ROOT), producer, fps, source);
    }

    @Override
    public void close() {
        frames.stop();
        source.dispose();
    }

    @Override
    public String toString() {
        return "PushedVideoSource[" + label() + "]";
    }
}
