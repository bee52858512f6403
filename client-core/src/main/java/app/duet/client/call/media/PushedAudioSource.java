package app.duet.client.call.media;

import java.util.concurrent.TimeUnit;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;

/**
 * Audio pushed from Java: every 10 ms a {@link Feed} supplies 16-bit PCM that is pushed into a
 * {@link CustomAudioSource} on this source's own timer thread, and only while the call lets it push
 * (see {@link LocalAudioSource#setPushing}): a push while the audio module records aborts the JVM.
 */
final class PushedAudioSource extends AbstractLocalAudioSource {

    static final long PERIOD_MILLIS = 10;

    /** 10 ms (or so) of 16-bit little-endian PCM. */
    record PcmChunk(byte[] pcm, int sampleRate, int channels, int frames) {
    }

    /** Supplies the next chunk on the timer thread, or null when there is none this time. */
    interface Feed {
        PcmChunk next();
    }

    private final Feed feed;
    private final CustomAudioSource source;
    private final Object pushLock = new Object();
    private final PeriodicPusher pusher;
    private boolean pushing; // guarded by pushLock

    PushedAudioSource(String label, Feed feed) {
        this(label, feed, new CustomAudioSource());
    }

    private PushedAudioSource(String label, Feed feed, CustomAudioSource source) {
        super(label, source);
        this.feed = feed;
        this.source = source;
        this.pusher = new PeriodicPusher("duet-audio-pushed", "audio from " + label, PERIOD_MILLIS, PERIOD_MILLIS,
                TimeUnit.MILLISECONDS, this::pushNext);
    }

    private void pushNext() {
        synchronized (pushLock) {
            if (!pushing) {
                return;
            }
            PcmChunk chunk = feed.next();
            if (chunk != null) {
                source.pushAudio(chunk.pcm(), 16, chunk.sampleRate(), chunk.channels(), chunk.frames());
            }
        }
    }

    @Override
    public boolean isPushed() {
        return true;
    }

    @Override
    public void setPushing(boolean pushing) {
        synchronized (pushLock) {
            this.pushing = pushing;
        }
    }

    @Override
    public void close() {
        setPushing(false);
        pusher.stop();
        source.dispose();
    }
}
