package app.duet.client.sound;

import java.util.Optional;

/**
 * The sound a call makes before it is answered: the incoming ring, and the ringback a caller hears while
 * the other side rings. Starting a tone replaces the one playing; both loop until {@link #stop}.
 */
public interface RingTone {

    enum Tone {
        /** Someone is calling us. */
        INCOMING,
        /** We are calling and the other side rings. */
        RINGBACK
    }

    /** Starts looping {@code tone} (returns at once; the sound is played on a background thread). */
    void play(Tone tone);

    /** Stops whatever plays; does nothing when nothing does. */
    void stop();

    /** The tone asked for and not yet stopped, whether or not a sound device could play it. */
    Optional<Tone> playing();
}
