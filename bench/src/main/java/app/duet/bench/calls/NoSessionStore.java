package app.duet.bench.calls;

import app.duet.client.signaling.SessionStore;
import java.util.Optional;

/** Benchmark clients log in afresh every run and remember nothing. */
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
