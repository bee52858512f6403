package app.duet.bench.soak;

/**
 * One minute of the soak: what happened in it (cycles, relayed messages and their latency, losses, sockets the
 * server closed that the driver did not ask it to close) and
 * the server process at its end (resident memory, open descriptors, threads, CPU over the minute).
 */
record MinuteSample(int minute, long cycles, long messages, long lost, long misrouted, long reconnects,
                    long stalled, long dropped, double p50Ms, double p99Ms, double maxMs, double rssMb, int fds, int threads,
                    double serverCpuPercent, String loadAverage) {
}
