package app.duet.bench.sound;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a sine as raw 48 kHz mono s16le PCM to standard output until the reader goes away. scripts/bench.sh
 * pipes it into {@code pacat --latency-msec=10} playing on a null sink whose monitor is the bench's
 * microphone: PulseAudio's own generators (module-sine-source, or module-sine into a null sink) run at a 2 s
 * block size, so a capture stream opened on them waits up to 2 s for its first samples, where a real
 * microphone delivers within milliseconds. pacat's low-latency stream keeps the null sink's blocks at 10 ms.
 */
@Command(name = "sine", mixinStandardHelpOptions = true,
        description = "Raw 48 kHz mono s16le sine on standard output (the bench's microphone feed).")
public final class SineCommand implements Callable<Integer> {
    private static final int RATE = 48_000;

    @Option(names = "--frequency", defaultValue = "440", description = "Hz (default 440).")
    double frequency;

    @Option(names = "--amplitude", defaultValue = "0.5", description = "0..1 of full scale (default 0.5).")
    double amplitude;

    @Override
    public Integer call() {
        // One second of the tone (a whole number of periods at 440 Hz), written again and again: pacat
        // blocks when its buffer is full, which paces this loop.
        byte[] second = new byte[RATE * 2];
        for (int i = 0; i < RATE; i++) {
            short sample = (short) Math.round(Math.sin(2 * Math.PI * frequency * i / RATE) * amplitude * Short.MAX_VALUE);
            second[2 * i] = (byte) sample;
            second[2 * i + 1] = (byte) (sample >> 8);
        }
        // Not System.out: a PrintStream swallows write errors, so the loop would spin on after pacat exits.
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 4_096)) {
            while (true) {
                out.write(second);
            }
        } catch (IOException e) {
            return 0; // pacat exited: the sound server is being stopped
        }
    }
}
