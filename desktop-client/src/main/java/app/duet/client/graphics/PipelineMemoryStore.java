package app.duet.client.graphics;

import java.io.IOException;
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
        try {
            Optional<Properties> read = dir.readProperties(FILE);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Properties p = read.get();
            String build = p.getProperty("build");
            if (build == null) {
                throw new IllegalArgumentException("no build");
            }
            return Optional.of(new PipelineMemory(Boolean.parseBoolean(p.getProperty("software")),
                    Integer.parseInt(p.getProperty("softwareStarts", "0")), build));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not read {}; JavaFX chooses its pipeline this time", dir.resolve(FILE), e);
            return Optional.empty();
        }
    }

    public void save(PipelineMemory memory) throws IOException {
        Properties p = new Properties();
        p.setProperty("software", Boolean.toString(memory.software()));
        p.setProperty("softwareStarts", Integer.toString(memory.softwareStarts()));
        p.setProperty("build", memory.build());
        dir.writeProperties(FILE, p, "How Duet's window was drawn at the last starts (see --rendering)");
    }
}
