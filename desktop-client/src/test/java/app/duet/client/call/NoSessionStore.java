package app.duet.client.call;

import java.util.Optional;

import app.duet.client.signaling.SessionStore;

/** Remembers nothing: each test signs up fresh. */
final class NoSessionStore implements SessionStore {

    @Override
    public Optional<StoredSession> load(String serverUri) {
        return Optional.empty();
    }

    @Override
    public void save(StoredSession session) {
        // nothing to keep
    }

    @Override
    public void clear() {
        // nothing kept
    }
}
