package app.duet.bench.relay;

import app.duet.bench.summary.SummaryRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Prints the relay benchmark as Markdown: method, machine, a side-by-side summary, every step, the targets. */
final class RelayReport {
    private static final double TARGET_P99_MS = 5;
    private static final double TARGET_RATE_RATIO = 2;
    private static final double TARGET_RSS_MB = 200;
    private final RelaySettings settings;

    RelayReport(RelaySettings settings) {
        this.settings = settings;
    }

    void print(PrintWriter out, String machine, Map<String, String> setups, List<SizeResult> results) {
        out.println("## Relay capacity");
        out.println();
        out.println("Machine: " + machine + ".");
        out.println();
        out.println("Method: the load driver (one JVM with ZGC, JDK `java.net.http.WebSocket` on one NIO selector"
                + " and a 2-thread executor) opens pairs of sockets to the server under test, which runs as its own"
                + " process on 127.0.0.1. It sends signaling-sized messages at a fixed total rate, spread"
                + " round-robin over the pairs. Mix `" + settings.mix().optionName() + "`: "
                + settings.mix().description() + ", each pair at its own"
                + " point of that cycle so the offers are spread evenly over time. Each message"
                + " carries its intended send time, its sender and the sender's sequence number; a message"
                + " that reaches another socket than the sender's peer counts as misrouted, one that arrives"
                + " before an earlier one of its sender as out of order. The receiving socket (same process, same clock) records"
                + " arrival minus intended send time in an HdrHistogram, so a driver or server that falls behind"
                + " shows in the latency. Pairs are added between sizes; set-up of a size may take at most "
                + settings.setupLimit().toSeconds() + " s, and a server that cannot set up all its sockets in that"
                + " time is measured at the count it reached. Before the first size each server gets an unmeasured warm-up at the reference"
                + " rate, so both JITs have compiled their hot paths. Latency is quoted at " + rate(settings.referenceRate()) + " msg/s over "
                + settings.referenceMeasure().toSeconds() + " s. Sustained rate: the rate is doubled from "
                + rate(settings.startRate()) + " msg/s and then bisected; a step (" + settings.warmup().toSeconds()
                + " s warm-up, " + settings.measure().toSeconds() + " s measured) passes when every message"
                + " arrives, no socket closes, no error comes back and p99 <= " + rate(settings.p99LimitMs())
                + " ms (and nothing is misrouted or out of order). Server CPU is % of one core (utime+stime from /proc/<pid>/stat over the measured"
                + " window), RSS is VmRSS from /proc/<pid>/status; the driver's own CPU is shown too, since it"
                + " shares the 2 cores with the server. Server CPU per message (CPU time over messages relayed at the"
                + " reference rate) is the figure least disturbed by other load on the machine.");
        out.println();
        setups.forEach((name, setup) -> out.println("- " + setup));
        out.println();
        out.println("| sockets | server | set-up | idle RSS | p50 | p99 | p99.9 | server CPU per message | sustained rate"
                + " | CPU at sustained | RSS at sustained |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (SizeResult r : results) {
            Optional<StepResult> best = best(r);
            out.printf(Locale.ROOT, "| %d | %s | %.1f s | %.0f MB | %.2f ms | %.2f ms | %.2f ms | %.0f µs | %s msg/s | %s | %s |%n",
                    r.sockets(), r.target(), r.setupSeconds(), r.idleRssMb(), r.reference().percentileMs(50),
                    r.reference().percentileMs(99), r.reference().percentileMs(99.9),
                    cpuPerMessageMicros(r), rate(r.sustainedRate()),
                    best.map(s -> String.format(Locale.ROOT, "%.0f %%", s.serverCpuPercent())).orElse("-"),
                    best.map(s -> String.format(Locale.ROOT, "%.0f MB", s.serverRssMb())).orElse("-"));
        }
        out.println();
        results.stream().filter(r -> !r.setupNote().isEmpty())
                .forEach(r -> out.println("Set-up of " + r.target() + " up to " + r.sockets() + " sockets: "
                        + r.setupNote() + "."));
        out.println();
        out.println("Every step:");
        out.println();
        out.println("| sockets | server | rate msg/s | delivered | p50 | p99 | p99.9 | max | server CPU"
                + " | server RSS | driver CPU | sustained |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (SizeResult r : results) {
            printStep(out, r, r.reference(), " (reference)");
            for (StepResult s : r.steps()) {
                printStep(out, r, s, "");
            }
        }
        out.println();
        printTargets(out, results);
    }

    private void printStep(PrintWriter out, SizeResult r, StepResult s, String note) {
        out.printf(Locale.ROOT, "| %d | %s | %s%s | %d/%d%s | %.2f ms | %.2f ms | %.2f ms | %.1f ms | %.0f %% | %.0f MB"
                        + " | %.0f %% | %s |%n",
                r.sockets(), r.target(), rate(s.rate()), note, s.delivered(), s.sent(),
                problems(s),
                s.percentileMs(50), s.percentileMs(99), s.percentileMs(99.9), s.maxMs(), s.serverCpuPercent(),
                s.serverRssMb(), s.driverCpuPercent(), s.sustained(settings.p99LimitMs()) ? "yes" : "no");
    }

    private void printTargets(PrintWriter out, List<SizeResult> results) {
        int largest = results.stream().mapToInt(SizeResult::sockets).max().orElse(0);
        out.println("Targets (issue 7):");
        out.println();
        for (SizeResult r : results) {
            if (r.sockets() == largest && r.target().startsWith("Duet")) {
                double p99 = r.reference().percentileMs(99);
                out.printf(Locale.ROOT, "- Duet p99 at %d sockets: %.2f ms (target <= %.0f ms at 10000): %s%n",
                        largest, p99, TARGET_P99_MS, p99 <= TARGET_P99_MS ? "met" : "MISSED");
            }
        }
        for (SizeResult duet : results) {
            if (!duet.target().startsWith("Duet")) {
                continue;
            }
            results.stream().filter(o -> !o.target().startsWith("Duet") && o.sockets() == duet.sockets())
                    .forEach(other -> {
                        double ratio = other.sustainedRate() == 0 ? Double.POSITIVE_INFINITY
                                : duet.sustainedRate() / other.sustainedRate();
                        out.printf(Locale.ROOT, "- Sustained rate at %d sockets: Duet %s vs %s %s msg/s = %.2fx"
                                        + " (target >= %.0fx): %s%n", duet.sockets(), rate(duet.sustainedRate()),
                                other.target(), rate(other.sustainedRate()), ratio, TARGET_RATE_RATIO,
                                ratio >= TARGET_RATE_RATIO ? "met" : "MISSED");
                    });
        }
        out.println();
    }

    /**
     * The summary's relay rows: for each socket count, Duet next to PeerServer (issue 20's targets on the same
     * run): p99 at the reference rate at or below PeerServer's, server CPU per message at most half of
     * PeerServer's, sustained rate at least PeerServer's at 1k sockets and twice it from 10k; and the RSS at the
     * largest count at most 200 MB.
     */
    List<SummaryRow> summary(List<SizeResult> results) {
        String area = "relay (" + settings.mix().optionName() + ")";
        List<SummaryRow> rows = new ArrayList<>();
        int largest = results.stream().mapToInt(SizeResult::sockets).max().orElse(0);
        for (SizeResult duet : results) {
            if (!duet.target().startsWith("Duet")) {
                continue;
            }
            Optional<SizeResult> peer = results.stream()
                    .filter(o -> !o.target().startsWith("Duet") && o.sockets() == duet.sockets()).findFirst();
            String at = String.format(Locale.ROOT, "%,d sockets", duet.sockets());
            double p99 = duet.reference().percentileMs(99);
            double peerP99 = peer.map(o -> o.reference().percentileMs(99)).orElse(Double.NaN);
            rows.add(new SummaryRow(area, "p99 at " + rate(settings.referenceRate()) + " msg/s, " + at,
                    SummaryRow.ms(p99), SummaryRow.ms(peerP99), "<= PeerServer", SummaryRow.verdict(p99, peerP99, true)));
            double cpu = cpuPerMessageMicros(duet);
            double peerCpu = peer.map(RelayReport::cpuPerMessageMicros).orElse(Double.NaN);
            rows.add(new SummaryRow(area, "server CPU per message, " + at, micros(cpu), micros(peerCpu),
                    "<= half of PeerServer's", SummaryRow.verdict(cpu, peerCpu / 2, true)));
            double ratio = duet.sockets() >= 10_000 ? TARGET_RATE_RATIO : 1;
            double peerRate = peer.map(SizeResult::sustainedRate).orElse(Double.NaN);
            rows.add(new SummaryRow(area, "sustained rate, " + at, rate(duet.sustainedRate()) + " msg/s",
                    peer.map(o -> rate(o.sustainedRate()) + " msg/s").orElse("-"),
                    ratio == 1 ? ">= PeerServer" : ">= " + (int) ratio + "x PeerServer",
                    SummaryRow.verdict(duet.sustainedRate(), peerRate * ratio, false)));
            if (duet.sockets() == largest) {
                double rss = best(duet).map(StepResult::serverRssMb).orElse(duet.reference().serverRssMb());
                rows.add(new SummaryRow(area, "server RSS under load, " + at, mb(rss),
                        peer.map(o -> mb(best(o).map(StepResult::serverRssMb).orElse(o.reference().serverRssMb())))
                                .orElse("-"), "<= " + mb(TARGET_RSS_MB), SummaryRow.verdict(rss, TARGET_RSS_MB, true)));
            }
        }
        return rows;
    }

    private static double cpuPerMessageMicros(SizeResult r) {
        return r.reference().cpuMicrosPerMessage(r.reference().serverCpuPercent());
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f µs", value);
    }

    private static String mb(double value) {
        return String.format(Locale.ROOT, "%.0f MB", value);
    }

    private static String problems(StepResult s) {
        if (s.errors() + s.closedSockets() + s.misrouted() + s.outOfOrder() == 0) {
            return "";
        }
        return " (" + s.errors() + " errors, " + s.closedSockets() + " closed, " + s.misrouted() + " misrouted, "
                + s.outOfOrder() + " out of order)";
    }

    private Optional<StepResult> best(SizeResult r) {
        return r.steps().stream().filter(s -> s.sustained(settings.p99LimitMs()))
                .max((a, b) -> Double.compare(a.rate(), b.rate()));
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
