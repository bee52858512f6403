package app.duet.client.sound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SynthesizedRingToneTest {

    @Test
    void bothTonesAreAudibleThenPause() {
        for (RingTone.Tone tone : RingTone.Tone.values()) {
            byte[] cycle = RingPattern.cycle(tone);
            assertThat(peak(cycle, 0, cycle.length / 4)).as("%s starts with sound", tone).isGreaterThan(3000);
            assertThat(peak(cycle, cycle.length - 4000, cycle.length)).as("%s ends in a pause", tone).isZero();
        }
        assertThat(peak(RingPattern.cycle(RingTone.Tone.RINGBACK), 0, 32000))
                .as("the ringback is quieter than the incoming ring")
                .isLessThan(peak(RingPattern.cycle(RingTone.Tone.INCOMING), 0, 32000));
    }

    @Test
    void playsAndStopsEvenWithoutASoundDevice() {
        try (SynthesizedRingTone ring = new SynthesizedRingTone()) {
            assertThat(ring.playing()).isEmpty();
            ring.play(RingTone.Tone.INCOMING);
            assertThat(ring.playing()).contains(RingTone.Tone.INCOMING);
            ring.play(RingTone.Tone.RINGBACK);
            assertThat(ring.playing()).contains(RingTone.Tone.RINGBACK);
            ring.stop();
            assertThat(ring.playing()).isEmpty();
            ring.stop();
            assertThat(ring.playing()).isEmpty();
        }
    }

    private static int peak(byte[] pcm, int from, int to) {
        int peak = 0;
        for (int i = from - from % 2; i + 1 < to; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        return peak;
    }
}
