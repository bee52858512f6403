package app.duet.server.store;

import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the store contract tests: each contract is written against the store interfaces only, and
 * a subclass per implementation names the extension that supplies fresh, empty {@link Stores} for each
 * test ({@link SqliteStoresExtension}, {@link PostgresStoresExtension}).
 */
abstract class StoreContract {
    private Stores stores;

    @BeforeEach
    final void useStores(Stores fresh) {
        this.stores = fresh;
    }

    protected final Stores stores() {
        return stores;
    }
}
