package app.duet.client.graphics;

import java.util.Optional;

/**
 * Whether a start asks JavaFX for its software pipeline, and what it remembers afterwards. Where JavaFX has no
 * usable GPU it tries OpenGL first anyway, which loads Mesa's software OpenGL (about 50 MB) only to refuse it;
 * a start that asks for software at once skips that. A machine that gains a GPU (or a driver, or a new Duet)
 * is found out by letting JavaFX choose again every {@link #PROBE_EVERY}th start and after every update.
 */
public final class PipelineChoice {
    /** One start in this many lets JavaFX try the GPU again. */
    public static final int PROBE_EVERY = 10;

    private PipelineChoice() {
    }

    /** Whether this start of {@code build} asks for software, given the mode asked for and what was remembered. */
    public static boolean startInSoftware(RenderingMode mode, Optional<PipelineMemory> memory, String build) {
        return switch (mode) {
            case SOFTWARE -> true;
            case HARDWARE -> false;
            case AUTO -> memory.filter(PipelineMemory::software)
                    .filter(m -> m.build().equals(build))
                    .filter(m -> m.softwareStarts() < PROBE_EVERY - 1)
                    .isPresent();
        };
    }

    /**
     * What to remember after a start of {@code build}: a start that let JavaFX choose tells whether it ended in
     * software; a start that asked for software tells nothing new, it only counts towards the next try.
     */
    public static Optional<PipelineMemory> afterStart(Optional<PipelineMemory> before, boolean askedForSoftware,
                                                      boolean endedInSoftware, String build) {
        if (!askedForSoftware) {
            return Optional.of(new PipelineMemory(endedInSoftware, 0, build));
        }
        return before.map(m -> m.software() ? new PipelineMemory(true, m.softwareStarts() + 1, m.build()) : m);
    }
}
