package app.duet.bench.signin;

import java.util.List;
import java.util.Locale;

/** The sign-in benchmark's Markdown: one row per engine and request. */
final class SigninReport {
    private SigninReport() {
    }

    static String markdown(List<SigninRound.Phase> phases, int accounts, int concurrency, int bcryptCost, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("### Sign-in cost by database engine\n\n");
        md.append(String.format(Locale.ROOT, "%d accounts, %d requests in flight, bcrypt cost %d; each request on a "
                + "fresh connection after hello, only the request's round trip timed. %s%n%n",
                accounts, concurrency, bcryptCost, machine));
        md.append("| engine | request | p50 ms | p99 ms | max ms | requests/s |\n|---|---|---|---|---|---|\n");
        for (SigninRound.Phase p : phases) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.0f |%n", p.engine(), p.request(),
                    p.micros().getValueAtPercentile(50) / 1000.0, p.micros().getValueAtPercentile(99) / 1000.0,
                    p.micros().getMaxValue() / 1000.0, accounts / (p.wallNanos() / 1e9)));
        }
        return md.toString();
    }
}
