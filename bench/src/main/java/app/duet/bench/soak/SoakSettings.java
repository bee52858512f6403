package app.duet.bench.soak;

/** How long the soak runs, how many sockets it holds open, and how many calls it starts per second. */
record SoakSettings(int minutes, int sockets, double callsPerSecond) {
}
