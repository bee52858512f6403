package app.duet.bench.relay;

import app.duet.bench.summary.SummaryRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints {@code relay-nodes} as Markdown: method, both set-ups, one row per server and count, the targets. */
final class NodesRelayReport {
    /** Issue 17: relaying across nodes may add at most this much to one server's p99. */
    static final double TARGET_EXTRA_P99_MS = 2;
    private static final String AREA = "relay across nodes";
    private final RelaySettings settings;

    NodesRelayReport(RelaySettings settings) {
        this.settings = settings;
    }

    void print(PrintWriter out, String machine, List<String> setups, List<SizeResult> results) {
        out.println("## Relay across two nodes");
        out.println();
        out.println("Machine: " + machine + ".");
        out.println();
        out.println("Method: the relay benchmark's driver and message mix (`" + settings.mix().optionName() + "`: "
                + settings.mix().description() + "), in one run against one server and then against two nodes"
                + " sharing a Redis, with the same sockets, rate and pairs. With two nodes each pair's caller signs in"
                + " on the first node and its callee on the second, so every relayed message goes through the"
                + " sender's node, Redis and the other node. After an unmeasured warm-up, latency (arrival minus"
                + " intended send time) is measured at " + rate(settings.referenceRate()) + " msg/s for "
                + settings.referenceMeasure().toSeconds() + " s; every message carries its sender and sequence"
                + " number, so one that never arrives counts as lost, one at the wrong socket as misrouted and one"
                + " ahead of an earlier one of its sender as out of order.");
        out.println();
        setups.forEach(setup -> out.println("- " + setup));
        out.println();
        out.println("| sockets | server | p50 | p99 | p99.9 | max | delivered | lost | misrouted | out of order"
                + " | server CPU | server RSS | Redis CPU | CPU per message (server + Redis) |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (SizeResult r : results) {
            StepResult s = r.reference();
            out.printf(Locale.ROOT, "| %d | %s | %.2f ms | %.2f ms | %.2f ms | %.1f ms | %d/%d | %d | %d | %d | %.0f %%"
                            + " | %.0f MB | %s | %s |%n", r.sockets(), r.target(), s.percentileMs(50), s.percentileMs(99),
                    s.percentileMs(99.9), s.maxMs(), s.delivered(), s.sent(), lost(s), s.misrouted(), s.outOfOrder(),
                    s.serverCpuPercent(), s.serverRssMb(), Double.isNaN(s.sharedCpuPercent()) ? "-"
                            : String.format(Locale.ROOT, "%.0f %%", s.sharedCpuPercent()), perMessage(s));
        }
        out.println();
        results.stream().filter(r -> !r.setupNote().isEmpty())
                .forEach(r -> out.println("Set-up of " + r.target() + " up to " + r.sockets() + " sockets: "
                        + r.setupNote() + "."));
        out.println();
        for (SummaryRow row : summary(results)) {
            out.println("- " + row.measure() + ": " + row.duet() + " (" + row.anchor() + "; target " + row.target()
                    + "): " + (row.met() == null ? "not judged" : row.met() ? "met" : "MISSED"));
        }
        out.println();
    }

    /** Per socket count: the cross-node p99 next to one server's, and what was lost or misrouted across nodes. */
    List<SummaryRow> summary(List<SizeResult> results) {
        List<SummaryRow> rows = new ArrayList<>();
        for (SizeResult nodes : results) {
            if (nodes.target().equals("Duet")) {
                continue;
            }
            Optional<SizeResult> one = results.stream()
                    .filter(r -> r.target().equals("Duet") && r.sockets() == nodes.sockets()).findFirst();
            String at = String.format(Locale.ROOT, "%s msg/s, %,d sockets", rate(settings.referenceRate()),
                    nodes.sockets());
            double p99 = nodes.reference().percentileMs(99);
            double oneP99 = one.map(r -> r.reference().percentileMs(99)).orElse(Double.NaN);
            rows.add(new SummaryRow(AREA, "p99 at " + at + ", each pair split over 2 nodes", SummaryRow.ms(p99),
                    "one node: " + SummaryRow.ms(oneP99), "<= one node + " + (int) TARGET_EXTRA_P99_MS + " ms",
                    SummaryRow.verdict(p99, oneP99 + TARGET_EXTRA_P99_MS, true)));
            StepResult s = nodes.reference();
            rows.add(new SummaryRow(AREA, "lost / misrouted at " + at, lost(s) + " / " + s.misrouted() + " of "
                    + String.format(Locale.ROOT, "%,d", s.sent()), "-", "0 / 0", lost(s) == 0 && s.misrouted() == 0));
        }
        return rows;
    }

    /** CPU time per relayed message: the server's (its nodes') and, where measured, Redis's. */
    private static String perMessage(StepResult s) {
        String server = String.format(Locale.ROOT, "%.0f µs", s.cpuMicrosPerMessage(s.serverCpuPercent()));
        return Double.isNaN(s.sharedCpuPercent()) ? server
                : server + String.format(Locale.ROOT, " + %.0f µs", s.cpuMicrosPerMessage(s.sharedCpuPercent()));
    }

    private static long lost(StepResult s) {
        return Math.max(0, s.sent() - s.delivered());
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
