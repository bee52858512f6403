package app.duet.bench.soak;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints the soak: a line per minute while it runs, then Markdown with every minute, the least-squares
 * slope of the server's memory, descriptors and threads, and a verdict.
 */
final class SoakReport {
    /** Flat means a fitted growth of at most this share of the mean RSS per 10 minutes... */
    static final double RSS_TOLERANCE = 0.02;
    /** ...at most this many descriptors per 1,000 sockets (and never under 2) per 10 minutes... */
    static final double FDS_PER_1000_SOCKETS_TOLERANCE = 2;
    /** ...and at most this many threads per 10 minutes, fitted over the minutes after the first third. */
    static final double THREADS_TOLERANCE = 1;
    private static final int MIN_MINUTES_FOR_SLOPE = 3;
    private final SoakSettings settings;

    SoakReport(SoakSettings settings) {
        this.settings = settings;
    }

    static String line(MinuteSample s) {
        return String.format(Locale.ROOT, "minute %3d: %6d calls %8d messages, lost %d, misrouted %d, %5d reconnects,"
                        + " stalled %d, dropped %d, p50 %.2f ms p99 %.2f ms max %.1f ms; server RSS %.0f MB, %d fds, %d threads,"
                        + " CPU %.0f %%; load %s",
                s.minute(), s.cycles(), s.messages(), s.lost(), s.misrouted(), s.reconnects(), s.stalled(), s.dropped(),
                s.p50Ms(),
                s.p99Ms(), s.maxMs(), s.rssMb(), s.fds(), s.threads(), s.serverCpuPercent(), s.loadAverage());
    }

    void print(PrintWriter out, String machine, String setup, List<MinuteSample> samples) {
        List<MinuteSample> running = samples.stream().filter(s -> s.minute() > 0).toList();
        List<MinuteSample> steady = running.subList(running.size() / 3, running.size());
        long lost = running.stream().mapToLong(MinuteSample::lost).sum();
        long misrouted = running.stream().mapToLong(MinuteSample::misrouted).sum();
        long stalled = running.stream().mapToLong(MinuteSample::stalled).sum();
        long dropped = running.stream().mapToLong(MinuteSample::dropped).sum();
        out.println("## Soak: " + settings.sockets() + " sockets, " + settings.minutes() + " minutes");
        out.println();
        out.println("Machine: " + machine + ".");
        out.println();
        out.println("Set-up: " + setup);
        out.println();
        out.println("| minute | calls | messages | lost | misrouted | reconnects | stalled | dropped | p50 | p99 | max"
                + " | server RSS | fds | threads | server CPU | load average |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (MinuteSample s : samples) {
            out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d | %.2f ms | %.2f ms | %.1f ms | %.0f MB"
                            + " | %d | %d | %.0f %% | %s |%n", s.minute(), s.cycles(), s.messages(), s.lost(),
                    s.misrouted(), s.reconnects(), s.stalled(), s.dropped(), s.p50Ms(), s.p99Ms(), s.maxMs(), s.rssMb(), s.fds(), s.threads(),
                    s.serverCpuPercent(), s.loadAverage());
        }
        out.println();
        out.printf(Locale.ROOT, "Totals: %d calls, %d relayed messages, %d reconnects; lost %d, misrouted %d,"
                        + " pairs stalled %d; %d sockets closed by the server unasked. Worst minute's p99 %.2f ms.%n",
                running.stream().mapToLong(MinuteSample::cycles).sum(),
                running.stream().mapToLong(MinuteSample::messages).sum(),
                running.stream().mapToLong(MinuteSample::reconnects).sum(), lost, misrouted, stalled, dropped,
                running.stream().mapToDouble(MinuteSample::p99Ms).max().orElse(0));
        out.println();
        out.println("Least-squares slope per 10 minutes (minute 0 is the idle server right after set-up):");
        out.println();
        out.println("| fitted over | RSS | fds | threads |");
        out.println("|---|---:|---:|---:|");
        slopeRow(out, "minutes 1-" + running.size(), running);
        slopeRow(out, "minutes " + steady.get(0).minute() + "-" + running.size() + " (after the first third)", steady);
        out.println();
        out.println("Verdict: " + verdict(steady, lost, misrouted, stalled));
        out.println();
        out.flush();
    }

    private static void slopeRow(PrintWriter out, String label, List<MinuteSample> samples) {
        out.printf(Locale.ROOT, "| %s | %+.1f MB | %+.1f | %+.2f |%n", label, Trend.per10Minutes(samples, MinuteSample::rssMb),
                Trend.per10Minutes(samples, MinuteSample::fds), Trend.per10Minutes(samples, MinuteSample::threads));
    }

    private String verdict(List<MinuteSample> steady, long lost, long misrouted, long stalled) {
        boolean delivered = lost == 0 && misrouted == 0 && stalled == 0;
        String delivery = delivered ? "every relayed message delivered to its own call, none lost."
                : "DELIVERY FAILED: " + lost + " lost, " + misrouted + " misrouted, " + stalled + " pairs stalled.";
        if (steady.size() < MIN_MINUTES_FOR_SLOPE) {
            return "too short to judge growth (a slope needs " + MIN_MINUTES_FOR_SLOPE + " minutes after the first"
                    + " third); " + delivery;
        }
        double fdsTolerance = Math.max(2, FDS_PER_1000_SOCKETS_TOLERANCE * settings.sockets() / 1000.0);
        double meanRss = steady.stream().mapToDouble(MinuteSample::rssMb).average().orElse(0);
        double rss = Trend.per10Minutes(steady, MinuteSample::rssMb);
        double fds = Trend.per10Minutes(steady, MinuteSample::fds);
        double threads = Trend.per10Minutes(steady, MinuteSample::threads);
        boolean flat = rss <= RSS_TOLERANCE * meanRss
                && Math.abs(fds) <= fdsTolerance
                && Math.abs(threads) <= THREADS_TOLERANCE;
        String criteria = String.format(Locale.ROOT, "(flat: RSS growth <= %.0f %% of its mean, |fds| <= %.0f and"
                        + " |threads| <= %.0f per 10 minutes, fitted after the first third)", RSS_TOLERANCE * 100,
                fdsTolerance, THREADS_TOLERANCE);
        return (flat ? "RSS, fds and threads flat" : "NOT flat") + " " + criteria + "; " + delivery;
    }
}
