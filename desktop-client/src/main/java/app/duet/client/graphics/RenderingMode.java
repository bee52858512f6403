package app.duet.client.graphics;

/**
 * How the window is drawn, as a user or admin asks for it ({@code --rendering}, {@code DUET_RENDERING}).
 * AUTO: JavaFX's own choice (the GPU if it has a usable one, else software), but a machine that had no usable
 * GPU at the last try starts straight in software (see {@link PipelineChoice}). SOFTWARE: always software.
 * HARDWARE: always JavaFX's own choice, never the remembered software start.
 */
public enum RenderingMode {
    AUTO, SOFTWARE, HARDWARE;

    /** "auto", "software" or "hardware", in any case. */
    public static RenderingMode parse(String value) {
        for (RenderingMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a rendering mode: use auto, software or hardware");
    }
}
