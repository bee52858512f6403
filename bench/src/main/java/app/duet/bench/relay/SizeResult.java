package app.duet.bench.relay;

import java.util.List;

/** A server at one socket count: set-up cost, idle footprint, latency at the reference rate, the rate steps. */
record SizeResult(String target, int sockets, double setupSeconds, double idleRssMb, double idleCpuPercent,
                  StepResult reference, List<StepResult> steps, double sustainedRate, String setupNote) {
}
