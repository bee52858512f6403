package app.duet.client.call.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;

/** Measures the loudness of an audio track (RMS of 16-bit PCM, 0..1) for a level indicator and for tests. */
public final class AudioLevelMeter implements AudioTrackSink {

    private volatile double level;
    private volatile long samples;
    private volatile long lastDataNanos = Long.MIN_VALUE;

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (bitsPerSample != 16 || frames <= 0) {
            return;
        }
        int count = Math.min(frames * channels, data.length / 2);
        level = rms(data, count);
        samples += count;
        lastDataNanos = System.nanoTime();
    }

    /** Whether the track delivered audio within the last {@code nanos} (a live track delivers every 10 ms). */
    public boolean deliveredWithin(long nanos) {
        long last = lastDataNanos;
        return last != Long.MIN_VALUE && System.nanoTime() - last <= nanos;
    }

    static double rms(byte[] pcm16le, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            short s = (short) ((pcm16le[2 * i] & 0xFF) | (pcm16le[2 * i + 1] << 8));
            double v = s / 32768.0;
            sum += v * v;
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    /** RMS of the last delivered chunk: 0 is silence, a full-scale sine is about 0.707. */
    public double level() {
        return level;
    }

    public long samplesReceived() {
        return samples;
    }
}
