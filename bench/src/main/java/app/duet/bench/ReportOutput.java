package app.duet.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Option;

/** {@code --report}: where a benchmark's Markdown goes besides standard output (a picocli mixin). */
public final class ReportOutput {
    @Option(names = "--report", description = "Also append the Markdown report to this file.")
    private Path report;

    /** Prints the report to {@code out} and appends it to the {@code --report} file, if one was given. */
    public void publish(PrintWriter out, String text) throws IOException {
        out.print(text);
        out.flush();
        if (report != null) {
            Files.writeString(report, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
