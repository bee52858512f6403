package app.duet.client.signaling;

import java.util.Optional;

/** Keeps the session token between runs ("remember me"). */
public interface SessionStore {

    /** A remembered session for one server. */
    record StoredSession(String serverUri, String username, String token) { }

    Optional<StoredSession> load(String serverUri);

    void save(StoredSession session);

    void clear();

    /**
     * A store that remembers nothing between runs: for the headless client, bots and benchmarks, which
     * log in with a password every run. The signaling client still keeps the token in memory to resume.
     */
    static SessionStore none() {
        return new ForgetfulSessionStore();
    }
}
