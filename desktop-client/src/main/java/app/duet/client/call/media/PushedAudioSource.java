package app.duet.client.call.media;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.threads.DaemonThreads;

import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio pushed from Java: every 10 ms a {@link Feed} supplies 16-bit PCM that is pushed into a
 * {@link CustomAudioSource} on this source's own timer thread, and only while the call lets it push
 * (see {@link LocalAudioSource#setPushing}): a push while the audio module records aborts the JVM.
 */
final class PushedAudioSource implements LocalAudioSource {

    private static final Logger LOG = LoggerFactory.getLogger(PushedAudioSource.class);
    static final long PERIOD_MILLIS = 10;

    /** 10 ms (or so) of 16-bit little-endian PCM. */
    record PcmChunk(byte[] pcm, int sampleRate, int channels, int frames) {
    }

    /** Supplies the next chunk on the timer thread, or null when there is none this time. */
    interface Feed {
        PcmChunk next();
    }

    private final String label;
    private final Feed feed;
    private final CustomAudioSource source = new CustomAudioSource();
    private final ScheduledExecutorService timer;
    private final Object pushLock = new Object();
    private boolean pushing; // guarded by pushLock
    private boolean failureLogged;

    PushedAudioSource(String label, Feed feed) {
        this.label = label;
        this.feed = feed;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("duet-audio-pushed"));
        timer.scheduleAtFixedRate(this::pushNext, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void pushNext() {
        synchronized (pushLock) {
            if (!pushing) {
                return;
            }
            try {
                PcmChunk chunk = feed.next();
                if (chunk != null) {
                    source.pushAudio(chunk.pcm(), 16, chunk.sampleRate(), chunk.channels(), chunk.frames());
                }
            } catch (RuntimeException e) {
                // Keep the timer alive: a periodic task that throws is cancelled for good.
                if (!failureLogged) {
                    LOG.warn("Could not push audio from {}", label, e);
                    failureLogged = true;
                }
            }
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public AudioTrackSource trackSource() {
        return source;
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
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Audio pusher of {} did not stop in time", label);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.dispose();
    }
}
