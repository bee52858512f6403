package app.duet.bench.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the numbers were measured on: CPU model and count, memory, kernel, JVM, and the load at the time. */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static String describe() {
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM, Linux %s, %s %s; load average %s",
                cpuModel(), Runtime.getRuntime().availableProcessors(), memTotalGib(),
                System.getProperty("os.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg. */
    public static String loadAverage() {
        String[] fields = read("/proc/loadavg").trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** The "Model name" lscpu prints, which it reads from /proc/cpuinfo. */
    public static String cpuModel() {
        return read("/proc/cpuinfo").lines()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown CPU");
    }

    private static double memTotalGib() {
        return read("/proc/meminfo").lines()
                .filter(line -> line.startsWith("MemTotal:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D+", "")))
                .findFirst().orElse(0) / (1024.0 * 1024.0);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
