package app.duet.client.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.signaling.SessionStore;



/**
 * The remembered session in {@code session.properties}, readable by the owner only. The token is a
 * bearer secret, so it is never logged.
 */
public final class FileSessionStore implements SessionStore {
    private static final Logger log = LoggerFactory.getLogger(FileSessionStore.class);
    static final String FILE = "session.properties";

    private final ConfigDir dir;

    public FileSessionStore(ConfigDir dir) {
        this.dir = dir;
    }

    @Override
    public Optional<StoredSession> load(String serverUri) {
        try {
            Optional<Properties> read = dir.readProperties(FILE);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Properties p = read.get();
            String server = p.getProperty("server");
            String username = p.getProperty("username");
            String token = p.getProperty("token");
            if (!serverUri.equals(server) || username == null || token == null) {
                return Optional.empty();
            }
            return Optional.of(new StoredSession(server, username, token));
        } catch (IOException e) {
            log.warn("Could not read the remembered session in {}", dir.resolve(FILE), e);
            return Optional.empty();
        }
    }

    @Override
    public void save(StoredSession session) {
        Properties p = new Properties();
        p.setProperty("server", session.serverUri());
        p.setProperty("username", session.username());
        p.setProperty("token", session.token());
        try {
            dir.writeProperties(FILE, p, "Duet session - keep private");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remember the session in " + dir.path(), e);
        }
    }

    @Override
    public void clear() {
        try {
            dir.delete(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not forget the session in " + dir.path(), e);
        }
    }
}
