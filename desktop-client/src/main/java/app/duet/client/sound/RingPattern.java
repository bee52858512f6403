package app.duet.client.sound;

/**
 * One cycle of a ring tone as 16-bit mono PCM, synthesized (no sound files to ship). The incoming ring is
 * two short rising chimes then a pause; the ringback is the familiar 440+480 Hz tone, one second on and
 * three off, quieter, so the caller hears that it rings without it being mistaken for an incoming call.
 */
final class RingPattern {
    static final float SAMPLE_RATE = 16_000f;
    /** Fade in and out over this many seconds so the tone does not click. */
    private static final double FADE_SECONDS = 0.01;

    private RingPattern() {
    }

    static byte[] cycle(RingTone.Tone tone) {
        return switch (tone) {
            case INCOMING -> concat(
                    chime(660, 880, 0.35, 0.5), silence(0.15),
                    chime(660, 880, 0.35, 0.5), silence(1.6));
            case RINGBACK -> concat(chime(440, 480, 1.0, 0.18), silence(3.0));
        };
    }

    /** Two sine waves mixed, {@code seconds} long, at {@code volume} (0..1) of full scale. */
    private static byte[] chime(double hzA, double hzB, double seconds, double volume) {
        int samples = (int) (seconds * SAMPLE_RATE);
        int fade = (int) (FADE_SECONDS * SAMPLE_RATE);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double t = i / SAMPLE_RATE;
            double envelope = Math.min(1.0, Math.min(i, samples - 1 - i) / (double) fade);
            double value = (Math.sin(2 * Math.PI * hzA * t) + Math.sin(2 * Math.PI * hzB * t)) / 2 * volume * envelope;
            short s = (short) Math.round(value * Short.MAX_VALUE);
            pcm[2 * i] = (byte) s; // little-endian
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    private static byte[] silence(double seconds) {
        return new byte[(int) (seconds * SAMPLE_RATE) * 2];
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
