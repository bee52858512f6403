package app.duet.bench.nodes;

import app.duet.bench.summary.SummaryRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints {@code failover} as Markdown: the method, every client of every kill, the figures against the target. */
final class FailoverReport {
    /** Issue 17: a killed node's client is back in its call within this, at the median, with the default backoff. */
    static final double TARGET_P50_SECONDS = 3;
    private final List<FailoverRun.Sample> samples;
    private final List<String> problems;

    FailoverReport(List<FailoverRun.Sample> samples, List<String> problems) {
        this.samples = List.copyOf(samples);
        this.problems = List.copyOf(problems);
    }

    void print(PrintWriter out, String machine) {
        out.println("## A killed node's clients back in their call");
        out.println();
        out.println("Machine: " + machine + ".");
        out.println();
        out.println("Method: two nodes (the server jar, sharing a Redis and a PostgreSQL database) behind HAProxy"
                + " running the shipped `duet-haproxy.cfg` (TLS at the balancer, `leastconn`, health checks every 2 s)."
                + " Two users of the app's own signaling client (client-core, the default reconnect backoff: first"
                + " retry after 0.5-1 s, doubling) sign up through the balancer, meet in a channel and are in an"
                + " accepted call, set up with both on node1 (node2 drained meanwhile through the runtime API). Each round"
                + " SIGKILLs the node holding the most of their connections (so both of them, every time); for each of its"
                + " clients the time from the kill to its resumed sign-in (the reply to `resume`, which carries the"
                + " call when the server still has it) is one sample. The node is then started again on its ports"
                + " and the next round waits until HAProxy's checks see it up. No media: this is the signaling path"
                + " a call's peers wait on (their media is peer to peer and does not pass the nodes).");
        out.println();
        out.println("| kill | node | client | back after | call given back |");
        out.println("|---:|---|---|---:|---|");
        for (FailoverRun.Sample s : samples) {
            out.printf(Locale.ROOT, "| %d | %s | %s | %.2f s | %s |%n", s.kill(), s.node(), s.user(), s.seconds(),
                    s.callBack() ? "yes" : "**no**");
        }
        out.println();
        problems.forEach(p -> out.println("Stopped early: " + p + "."));
        out.printf(Locale.ROOT, "Back in the call: p50 %.2f s, max %.2f s over %d clients of %d kills; %d of them"
                        + " without their call (target: p50 < %.0f s, every call kept).%n%n", percentile(50), max(),
                samples.size(), kills(), withoutCall(), TARGET_P50_SECONDS);
    }

    List<SummaryRow> summary() {
        double p50 = percentile(50);
        Boolean met = samples.isEmpty() ? null : p50 < TARGET_P50_SECONDS && withoutCall() == 0 && problems.isEmpty();
        return List.of(new SummaryRow("several nodes", "a SIGKILLed node's clients back in their call (reconnect +"
                + " resume through HAProxy), p50 / max over " + samples.size() + " clients of " + kills() + " kills",
                String.format(Locale.ROOT, "%.2f / %.2f s%s", p50, max(),
                        withoutCall() == 0 ? "" : ", " + withoutCall() + " without their call"),
                "-", "p50 < 3 s, no call lost", met));
    }

    private long kills() {
        return samples.stream().mapToInt(FailoverRun.Sample::kill).distinct().count();
    }

    private long withoutCall() {
        return samples.stream().filter(s -> !s.callBack()).count();
    }

    private double max() {
        return samples.stream().mapToDouble(FailoverRun.Sample::seconds).max().orElse(Double.NaN);
    }

    /** Nearest-rank percentile of the samples' seconds. */
    private double percentile(double p) {
        double[] sorted = samples.stream().mapToDouble(FailoverRun.Sample::seconds).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
