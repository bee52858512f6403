package app.duet.client.call.media;

import app.duet.client.call.media.PushedAudioSource.PcmChunk;

/** The synthetic microphone's samples: a sine tone as 48 kHz mono 16-bit PCM, 10 ms at a time. */
final class ToneFeed implements PushedAudioSource.Feed {

    static final int SAMPLE_RATE = 48_000;
    static final int FRAMES_PER_CHUNK = SAMPLE_RATE / 100;

    private final double frequency;
    private final double amplitude;
    private final byte[] pcm = new byte[FRAMES_PER_CHUNK * 2];
    private final PcmChunk chunk = new PcmChunk(pcm, SAMPLE_RATE, 1, FRAMES_PER_CHUNK);
    private long sampleIndex;

    ToneFeed(double frequency, double amplitude) {
        this.frequency = frequency;
        this.amplitude = amplitude;
    }

    /** The synthetic microphone as an outgoing source. */
    static LocalAudioSource source(double frequency, double amplitude) {
        return new PushedAudioSource("Test tone " + (int) frequency + " Hz", new ToneFeed(frequency, amplitude));
    }

    /** Refills and returns the same chunk: the pusher uses it before asking for the next. */
    @Override
    public PcmChunk next() {
        for (int i = 0; i < FRAMES_PER_CHUNK; i++, sampleIndex++) {
            double t = (double) sampleIndex / SAMPLE_RATE;
            short sample = (short) (Math.sin(2 * Math.PI * frequency * t) * amplitude * Short.MAX_VALUE);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return chunk;
    }
}
