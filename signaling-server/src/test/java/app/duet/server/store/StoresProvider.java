package app.duet.server.store;

/** What a store contract test runs against: one implementation's stores, fresh and empty for each test. */
public interface StoresProvider {
    Stores stores();
}
