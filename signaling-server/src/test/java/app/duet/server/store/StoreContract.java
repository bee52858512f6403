package app.duet.server.store;

/**
 * The base of the store contract tests: each contract is written against the store interfaces only, and
 * a subclass per implementation supplies the database (for SQLite, {@link SqliteStoresExtension}).
 */
abstract class StoreContract {
    /** The implementation under test; fresh and empty for each test. */
    protected abstract StoresProvider database();

    protected final Stores stores() {
        return database().stores();
    }
}
