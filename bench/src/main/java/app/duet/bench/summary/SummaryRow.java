package app.duet.bench.summary;

import java.util.Locale;

/**
 * One line of the table {@code ./duet bench} opens with: a figure of Duet's next to its anchor (PeerServer,
 * Chromium; "-" when it has none) and its target. {@code met} is null when a figure could not be judged.
 */
public record SummaryRow(String area, String measure, String duet, String anchor, String target, Boolean met) {

    /** A verdict from a comparison that is false for NaN (a figure that was not measured). */
    public static Boolean verdict(double duet, double limit, boolean atMost) {
        if (Double.isNaN(duet) || Double.isNaN(limit)) {
            return null;
        }
        return atMost ? duet <= limit : duet >= limit;
    }

    public static String ms(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.0f ms", value);
    }
}
