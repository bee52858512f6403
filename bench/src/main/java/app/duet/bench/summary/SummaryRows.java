package app.duet.bench.summary;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The run's summary rows, one JSON object a line, in the file scripts/bench.sh names: each benchmark command
 * adds its rows as it finishes, and {@code duet-bench summary} prints them as one table.
 */
public final class SummaryRows {
    private static final Gson GSON = new Gson();

    private SummaryRows() {
    }

    /** Adds rows; does nothing when {@code file} is null (a command run by hand without --summary). */
    public static void append(Path file, List<SummaryRow> rows) throws IOException {
        if (file == null || rows.isEmpty()) {
            return;
        }
        String lines = rows.stream().map(GSON::toJson).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<SummaryRow> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                .map(line -> GSON.fromJson(line, SummaryRow.class)).toList();
    }
}
