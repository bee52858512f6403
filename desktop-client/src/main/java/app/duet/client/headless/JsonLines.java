package app.duet.client.headless;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless client's product: one JSON object per line, each with {@code type} and {@code ts} (epoch
 * milliseconds), flushed at once so a reader sees it immediately. Safe to call from any thread. Logs never
 * come here; they go to stderr.
 */
public final class JsonLines implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLines.class);

    private final Writer out;
    private final Clock clock;
    private final Gson gson = new GsonBuilder().serializeNulls().create(); // unknown numbers stay as null
    private boolean failed;

    public JsonLines(OutputStream out, Clock clock) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** Writes {"type": type, "ts": now, ...fields}. */
    public void emit(String type, Consumer<JsonObject> fields) {
        JsonObject line = new JsonObject();
        line.addProperty("type", type);
        line.addProperty("ts", clock.millis());
        fields.accept(line);
        String text = gson.toJson(line);
        synchronized (this) {
            try {
                out.write(text);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                if (!failed) { // a closed pipe would otherwise log once a second
                    LOG.warn("Could not write to the JSON-lines output", e);
                    failed = true;
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.flush();
        } catch (IOException e) {
            LOG.debug("Flushing the JSON-lines output failed", e);
        }
    }
}
