package app.duet.client.call.media;

/** Which audio device module the engine uses. */
public enum AudioMode {
    /** Real devices when a sound server answers in time, headless otherwise. */
    AUTO,
    /** Never touch sound hardware: synthetic or no audio only (tests, benchmarks, servers). */
    HEADLESS
}
