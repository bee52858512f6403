package app.duet.server.channels;

import java.util.Map;

/**
 * One optimistic transaction (Redis WATCH, MULTI, EXEC): every key read is watched; writes are kept until
 * {@link #commit}, which applies all of them or, if another node changed a watched key meanwhile, none.
 */
public interface SharedTransaction {
    /** The value, or null; the key is watched. */
    String get(String key);

    /** The hash's fields, empty if there is none; the key is watched. */
    Map<String, String> hash(String key);

    void set(String key, String value);

    /** Replaces the whole hash. */
    void putHash(String key, Map<String, String> fields);

    void delete(String key);

    void addToSet(String key, String member);

    void removeFromSet(String key, String member);

    /** Adds or moves a member of the timer set. */
    void schedule(String timer, long dueMillis);

    void unschedule(String timer);

    /** Applies the writes; false, with nothing applied, if a watched key changed since it was read. */
    boolean commit();

    /** Drops the writes and the watches. */
    void abandon();
}
