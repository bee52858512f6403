package app.duet.bench.summary;

import app.duet.bench.os.MachineInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duet-bench summary}: the run's figures in one table, each next to its anchor and target. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Prints the summary rows the benchmarks of this run wrote as one Markdown table.")
public final class SummaryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", required = true, description = "The rows file the benchmarks appended to (--summary).")
    private Path rows;

    @Option(names = "--title", defaultValue = "Summary", description = "The table's heading.")
    private String title;

    @Override
    public Integer call() throws Exception {
        List<SummaryRow> all = SummaryRows.read(rows);
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + title);
        out.println();
        out.println("Machine: " + MachineInfo.describe() + " at the end of the run. Details of each figure, with its"
                + " method, follow below.");
        out.println();
        out.println("| area | measure | Duet | anchor | target | |");
        out.println("|---|---|---:|---:|---|---|");
        for (SummaryRow r : all) {
            out.println("| " + r.area() + " | " + r.measure() + " | " + r.duet() + " | " + r.anchor() + " | " + r.target()
                    + " | " + (r.met() == null ? "not judged" : r.met() ? "met" : "**missed**") + " |");
        }
        out.println();
        out.flush();
        return 0;
    }
}
