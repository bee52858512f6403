package app.duet.client.headless;

import java.util.Optional;

import app.duet.client.signaling.SessionStore;

/**
 * The headless client logs in with its password on every run and never writes a token to disk; the
 * signaling client still keeps the token in memory to resume after a reconnect.
 */
final class NoDiskSessionStore implements SessionStore {

    @Override
    public Optional<StoredSession> load(String serverUri) {
        return Optional.empty();
    }

    @Override
    public void save(StoredSession session) {
        throw new IllegalStateException("the headless client never asks to remember a session");
    }

    @Override
    public void clear() {
        // Nothing is stored, so there is nothing to clear.
    }
}
