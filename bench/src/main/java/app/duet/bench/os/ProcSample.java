package app.duet.bench.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and memory of one Linux process, read from /proc/&lt;pid&gt;/stat and /proc/&lt;pid&gt;/status.
 * Two samples give the CPU share over the time between them.
 */
public record ProcSample(long pid, long wallNanos, long cpuTicks, long rssKb, long peakRssKb, int threads) {
    /** USER_HZ: the kernel reports utime and stime in these ticks; 100 on every Linux/x86_64 kernel. */
    static final long TICKS_PER_SECOND = 100;

    public static ProcSample of(long pid) {
        long wall = System.nanoTime();
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it start past the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            int threads = Integer.parseInt(fields[17]);
            long rss = 0;
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kilobytes(line);
                }
            }
            return new ProcSample(pid, wall, utime + stime, rss, hwm, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc for process " + pid, e);
        }
    }

    /** Several processes as one: CPU, memory and threads added up (the pid is the first's). */
    public static ProcSample sum(List<ProcSample> samples) {
        ProcSample first = samples.get(0);
        return new ProcSample(first.pid(), first.wallNanos(), samples.stream().mapToLong(ProcSample::cpuTicks).sum(),
                samples.stream().mapToLong(ProcSample::rssKb).sum(), samples.stream().mapToLong(ProcSample::peakRssKb).sum(),
                samples.stream().mapToInt(ProcSample::threads).sum());
    }

    public static ProcSample self() {
        return of(ProcessHandle.current().pid());
    }

    /** CPU used between {@code earlier} and this sample, in percent of one core. */
    public double cpuPercentSince(ProcSample earlier) {
        double cpuSeconds = (double) (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND;
        double wallSeconds = (wallNanos - earlier.wallNanos) / 1e9;
        return wallSeconds <= 0 ? 0 : 100.0 * cpuSeconds / wallSeconds;
    }

    public double rssMb() {
        return rssKb / 1024.0;
    }

    public double peakRssMb() {
        return peakRssKb / 1024.0;
    }

    private static long kilobytes(String statusLine) {
        String[] parts = statusLine.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }
}
