package app.duet.client.sound;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.call.threads.DaemonThreads;

/**
 * Plays the {@link RingPattern}s through javax.sound.sampled on its own thread. Without a sound device
 * (or when the line is busy) the ring is silent: logged once, never shown as an error — a call matters
 * more than its ring.
 */
public final class SynthesizedRingTone implements RingTone, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SynthesizedRingTone.class);
    private static final AudioFormat FORMAT = new AudioFormat(RingPattern.SAMPLE_RATE, 16, 1, true, false);
    /** Written in slices this long, so a stop is heard within about this long. */
    private static final int SLICE_BYTES = (int) (RingPattern.SAMPLE_RATE * 2 / 10);

    private final ExecutorService player = Executors.newSingleThreadExecutor(DaemonThreads.named("duet-ring-tone"));
    private final AtomicBoolean silenceLogged = new AtomicBoolean();
    private final Object lock = new Object();
    private Tone playing; // guarded by lock
    private long generation; // guarded by lock; each play/stop starts a new one, ending the loop of the last

    @Override
    public void play(Tone tone) {
        long mine;
        synchronized (lock) {
            playing = tone;
            mine = ++generation;
        }
        player.execute(() -> loop(tone, mine));
    }

    @Override
    public void stop() {
        synchronized (lock) {
            playing = null;
            generation++;
        }
    }

    @Override
    public Optional<Tone> playing() {
        synchronized (lock) {
            return Optional.ofNullable(playing);
        }
    }

    private boolean current(long mine) {
        synchronized (lock) {
            return generation == mine;
        }
    }

    private void loop(Tone tone, long mine) {
        if (!current(mine)) {
            return;
        }
        byte[] cycle = RingPattern.cycle(tone);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT)) {
            line.open(FORMAT);
            line.start();
            while (current(mine)) {
                for (int at = 0; at < cycle.length && current(mine); at += SLICE_BYTES) {
                    line.write(cycle, at, Math.min(SLICE_BYTES, cycle.length - at));
                }
            }
            line.stop();
            line.flush();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            if (silenceLogged.compareAndSet(false, true)) {
                log.info("No sound device for the ring tone; calls ring silently ({})", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stop();
        player.shutdownNow();
    }
}
