package app.duet.client.graphics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.config.ConfigDir;

/**
 * Applies {@link PipelineChoice} to JavaFX's Prism: {@link #beforeToolkit} sets {@code prism.order=sw} (read when
 * the toolkit starts) for a software start; {@link #afterToolkit} remembers how the started toolkit draws. An
 * explicit {@code -Dprism.order} wins over both the mode and the memory.
 */
public final class PrismPipeline {
    private static final Logger log = LoggerFactory.getLogger(PrismPipeline.class);
    static final String ORDER = "prism.order";
    static final String SOFTWARE = "sw";

    private PrismPipeline() {
    }

    /** Call before the JavaFX toolkit starts, once per process. */
    public static void beforeToolkit(RenderingMode mode, ConfigDir dir) {
        String explicit = System.getProperty(ORDER);
        if (explicit != null) {
            log.info("Rendering: prism.order={} as given", explicit);
            return;
        }
        Optional<PipelineMemory> memory = new PipelineMemoryStore(dir).load();
        if (PipelineChoice.startInSoftware(mode, memory, build())) {
            System.setProperty(ORDER, SOFTWARE);
            log.info("Rendering: software ({})", mode == RenderingMode.SOFTWARE ? "asked for"
                    : "no usable GPU at the last try; JavaFX tries again within "
                    + (PipelineChoice.PROBE_EVERY - 1 - memory.orElseThrow().softwareStarts()) + " starts");
        } else {
            log.info("Rendering: JavaFX's choice ({})", mode);
        }
    }

    /** Call once the toolkit runs (off the FX thread: it writes a file); {@code software}: it draws in software. */
    public static void afterToolkit(ConfigDir dir, boolean software) {
        PipelineMemoryStore store = new PipelineMemoryStore(dir);
        boolean asked = SOFTWARE.equals(System.getProperty(ORDER));
        Optional<PipelineMemory> next = PipelineChoice.afterStart(store.load(), asked, software, build());
        try {
            if (next.isPresent()) {
                store.save(next.get());
            }
        } catch (IOException e) {
            log.warn("Could not remember how the window is drawn; the next start lets JavaFX choose", e);
        }
        log.info("Rendering: JavaFX draws {}", software ? "in software" : "with the GPU"); // after the file: app-cost waits for it
    }

    /** This build of Duet: where its code is and when that was written, so an update lets JavaFX choose again. */
    static String build() {
        try {
            Path code = Path.of(PrismPipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code + " " + Files.getLastModifiedTime(code);
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            log.warn("Cannot tell this build apart: an update is noticed only at the regular tries of the GPU", e);
            return "unknown";
        }
    }
}
