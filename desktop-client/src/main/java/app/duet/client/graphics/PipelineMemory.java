package app.duet.client.graphics;

/**
 * What the last starts found out about the graphics pipeline: whether JavaFX, free to choose, ended up drawing
 * in software; how many starts have since been made in software without trying the GPU; and the build of Duet
 * that tried it (an update tries again).
 */
public record PipelineMemory(boolean software, int softwareStarts, String build) {
}
