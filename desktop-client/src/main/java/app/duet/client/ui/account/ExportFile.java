package app.duet.client.ui.account;

import app.duet.protocol.AccountData;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The account export as a person keeps it: the server's JSON, indented, in UTF-8. */
final class ExportFile {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ExportFile() {
    }

    /** Blocking: run on a worker. */
    static void write(Path file, AccountData data) throws IOException {
        Files.writeString(file, GSON.toJson(data) + "\n", StandardCharsets.UTF_8);
    }
}
