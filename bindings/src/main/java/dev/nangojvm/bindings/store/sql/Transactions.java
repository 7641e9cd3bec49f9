package dev.nangojvm.bindings.store.sql;

import dev.nangojvm.bindings.store.RecordScope;
import java.time.Instant;

/** How a store runs its statements: each call its own transaction, or inside a unit of work. */
interface Transactions {

    /** The records a write may change: one model of one connection, written by one run. */
    record Touched(RecordScope scope, String modelKey, long runId) {
    }

    <T> T read(SqlDatabase.SqlWork<T> work);

    <T> T write(SqlDatabase.SqlWork<T> work);

    /** A record write, given the timestamp its rows must carry (until re-stamped by a unit of work). */
    <T> T recordWrite(Touched touched, Instant now, SqlDatabase.RecordWork<T> work);
}
