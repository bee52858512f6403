package app.duet.bench.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of each thread of a Linux process (/proc/&lt;pid&gt;/task/&lt;tid&gt;/stat), so a cost can be
 * split by who spends it: libwebrtc's encoder and decoder queues, our frame pushers, the JVM's compiler
 * and collector. Threads are grouped by name with trailing numbers dropped ("C2 CompilerThre0" and
 * "C2 CompilerThre1" are one group).
 */
public record ThreadCpu(long wallNanos, Map<Long, Named> threads) {

    /** One thread's name and CPU ticks (utime + stime). */
    public record Named(String name, long ticks) {
    }

    public static ThreadCpu of(long pid) {
        long wall = System.nanoTime();
        Map<Long, Named> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new Named(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // the process is gone: no threads
        }
        return new ThreadCpu(wall, threads);
    }

    /**
     * The CPU each thread group used since {@code earlier}, in percent of one core, largest first; threads
     * that started in between count from zero.
     */
    public Map<String, Double> percentByGroupSince(ThreadCpu earlier) {
        double wallSeconds = (wallNanos - earlier.wallNanos) / 1e9;
        Map<String, Long> ticks = new HashMap<>();
        threads.forEach((tid, now) -> {
            Named before = earlier.threads.get(tid);
            long used = now.ticks - (before == null ? 0 : before.ticks);
            ticks.merge(group(now.name), used, Long::sum);
        });
        return ticks.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> 100.0 * e.getValue() / ProcSample.TICKS_PER_SECOND / wallSeconds,
                        (a, b) -> a, LinkedHashMap::new));
    }

    static String group(String threadName) {
        return threadName.replaceAll("[-#]?\\d+$", "");
    }
}
