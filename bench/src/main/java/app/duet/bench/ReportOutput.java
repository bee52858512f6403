package app.duet.bench;

import app.duet.bench.summary.SummaryRow;
import app.duet.bench.summary.SummaryRows;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --report} and {@code --summary}: where a benchmark's Markdown goes besides standard output, and where
 * its rows of the run's summary table go (a picocli mixin).
 */
public final class ReportOutput {
    @Option(names = "--report", description = "Also append the Markdown report to this file.")
    private Path report;

    @Option(names = "--summary", description = "Append this run's summary rows to this file (see `summary`).")
    private Path summary;

    /** As {@link #publish(PrintWriter, String)}, and adds {@code rows} to the {@code --summary} file, if one was given. */
    public void publish(PrintWriter out, String text, List<SummaryRow> rows) throws IOException {
        publish(out, text);
        SummaryRows.append(summary, rows);
    }

    /** Prints the report to {@code out} and appends it to the {@code --report} file, if one was given. */
    public void publish(PrintWriter out, String text) throws IOException {
        out.print(text);
        out.flush();
        if (report != null) {
            Files.writeString(report, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
