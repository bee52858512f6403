package app.duet.client.graphics;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.config.ConfigDir;

/** Reads and writes {@link PipelineMemory} as rendering.properties in the config directory. */
public final class PipelineMemoryStore {
    private static final Logger log = LoggerFactory.getLogger(PipelineMemoryStore.class);
    static final String FILE = "rendering.properties";

    private final ConfigDir dir;

    public PipelineMemoryStore(ConfigDir dir) {
        this.dir = dir;
    }

    /** What was remembered; nothing when the file is missing or cannot be read (the start lets JavaFX choose). */
    public Optional<PipelineMemory> load() {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String build = p.getProperty("build");
            if (build == null) {
                throw new IllegalArgumentException("no build");
            }
            return Optional.of(new PipelineMemory(Boolean.parseBoolean(p.getProperty("software")),
                    Integer.parseInt(p.getProperty("softwareStarts", "0")), build));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not read {}; JavaFX chooses its pipeline this time", file, e);
            return Optional.empty();
        }
    }

    public void save(PipelineMemory memory) throws IOException {
        Properties p = new Properties();
        p.setProperty("software", Boolean.toString(memory.software()));
        p.setProperty("softwareStarts", Integer.toString(memory.softwareStarts()));
        p.setProperty("build", memory.build());
        StringWriter out = new StringWriter();
        p.store(out, "How Duet's window was drawn at the last starts (see --rendering)");
        dir.writePrivate(FILE, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
