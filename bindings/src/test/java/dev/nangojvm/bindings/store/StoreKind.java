package dev.nangojvm.bindings.store;

import dev.nangojvm.bindings.store.h2.H2Database;
import dev.nangojvm.bindings.store.h2.H2Stores;
import dev.nangojvm.bindings.store.postgres.TestPostgres;
import dev.nangojvm.bindings.store.sql.SqlStores;
import java.time.Clock;

/** The store implementations every store test runs against: the same tests, both databases. */
public enum StoreKind {
    H2 {
        @Override
        public SqlStores open(Clock clock) {
            return H2Stores.on(H2Database.inMemory(), clock);
        }
    },
    POSTGRES {
        @Override
        public SqlStores open(Clock clock) {
            return TestPostgres.get().freshStores(clock);
        }
    };

    /** Fresh, empty stores; {@code clock} stamps bookkeeping columns. The caller closes them. */
    public abstract SqlStores open(Clock clock);
}
