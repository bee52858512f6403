package app.duet.client.call.media;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.threads.DaemonThreads;

import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The synthetic microphone: a sine tone pushed as 48 kHz mono 16-bit PCM in 10 ms frames. */
final class ToneAudioSource implements LocalAudioSource {

    private static final Logger LOG = LoggerFactory.getLogger(ToneAudioSource.class);
    static final int SAMPLE_RATE = 48_000;
    static final int FRAMES_PER_PUSH = SAMPLE_RATE / 100;

    private final CustomAudioSource source = new CustomAudioSource();
    private final ScheduledExecutorService timer;
    private final double frequency;
    private final double amplitude;
    private final byte[] pcm = new byte[FRAMES_PER_PUSH * 2];
    private final Object pushLock = new Object();
    private boolean pushing;
    private long sampleIndex;

    ToneAudioSource(double frequency, double amplitude) {
        this.frequency = frequency;
        this.amplitude = amplitude;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("duet-audio-tone"));
        timer.scheduleAtFixedRate(this::pushNext, 10, 10, TimeUnit.MILLISECONDS);
    }

    private void pushNext() {
        synchronized (pushLock) {
            if (!pushing) {
                return;
            }
            for (int i = 0; i < FRAMES_PER_PUSH; i++, sampleIndex++) {
                double t = (double) sampleIndex / SAMPLE_RATE;
                short sample = (short) (Math.sin(2 * Math.PI * frequency * t) * amplitude * Short.MAX_VALUE);
                pcm[2 * i] = (byte) sample;
                pcm[2 * i + 1] = (byte) (sample >> 8);
            }
            try {
                source.pushAudio(pcm, 16, SAMPLE_RATE, 1, FRAMES_PER_PUSH);
            } catch (RuntimeException e) {
                LOG.warn("Could not push synthetic audio", e);
            }
        }
    }

    @Override
    public String label() {
        return "Test tone " + (int) frequency + " Hz";
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
                LOG.warn("Tone pusher did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.dispose();
    }
}
