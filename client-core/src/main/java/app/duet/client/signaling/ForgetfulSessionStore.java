package app.duet.client.signaling;

import java.util.Optional;

/** Remembers nothing between runs; see {@link SessionStore#none()}. */
final class ForgetfulSessionStore implements SessionStore {

    @Override
    public Optional<StoredSession> load(String serverUri) {
        return Optional.empty();
    }

    @Override
    public void save(StoredSession session) {
        // Nothing outlives the process.
    }

    @Override
    public void clear() {
        // Nothing is kept, so there is nothing to clear.
    }
}
