package dev.nangojvm.bindings.store.sql;

import dev.nangojvm.bindings.NangoException;
import dev.nangojvm.bindings.store.CheckpointStore;
import dev.nangojvm.bindings.store.RecordStore;
import dev.nangojvm.bindings.store.UnitOfWork;
import dev.nangojvm.bindings.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A unit of work on one connection held open across calls.
 *
 * <p><b>Timestamps.</b> Writes between two commits (a <em>window</em>) carry provisional timestamps,
 * all at or after the window's start, which is later than every timestamp committed before it. The
 * commit takes one timestamp from the {@link RecordClock} and re-stamps with it every record the
 * window changed: those touched by the window's run with a {@code last_modified_at} at or after the
 * window's start. Rows therefore become visible in timestamp order, as with single-call writes, and
 * without holding the clock while the script fetches its next page. A row that another writer
 * changed during the window and that this run then saved unchanged is re-stamped too: a records
 * reader sees it once more, never misses it.
 *
 * <p><b>Failures.</b> Every call runs under a savepoint, so a call that fails leaves the window's
 * earlier writes pending, as a failed call leaves earlier commits in place. A failed commit breaks
 * the unit: it rolls back and every later call throws {@code store_error}.
 *
 * <p>Not thread-safe (the run is serialised by {@code SyncRun}).
 */
final class SqlUnitOfWork implements UnitOfWork, Transactions {
    private final SqlDatabase db;
    private final Connection c;
    private final SqlRecordStore records;
    private final SqlCheckpointStore checkpoints;
    private final Set<Touched> touched = new LinkedHashSet<>();
    private Instant windowStart;
    private Instant lastProvisional;
    private boolean broken;
    private boolean closed;

    SqlUnitOfWork(SqlDatabase db, Connection c) {
        this.db = db;
        this.c = c;
        this.records = new SqlRecordStore(this);
        this.checkpoints = new SqlCheckpointStore(this, Clock.systemUTC());
    }

    @Override
    public RecordStore records() {
        return records;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public <T> T read(SqlDatabase.SqlWork<T> work) {
        return underSavepoint(work);
    }

    @Override
    public <T> T write(SqlDatabase.SqlWork<T> work) {
        return underSavepoint(work);
    }

    @Override
    public <T> T recordWrite(Touched what, Instant now, SqlDatabase.RecordWork<T> work) {
        return underSavepoint(conn -> {
            Instant ts = provisional(conn, now);
            touched.add(what);
            return work.run(conn, ts);
        });
    }

    @Override
    public void commit() {
        requireUsable();
        try {
            if (!touched.isEmpty()) {
                Instant commitTs = RecordClock.next(c, lastProvisional);
                for (Touched t : touched) {
                    restamp(t, commitTs);
                }
            }
            c.commit();
            touched.clear();
            windowStart = null;
        } catch (SQLException | RuntimeException e) {
            broken = true;
            SqlDatabase.rollbackQuietly(c, e);
            throw e instanceof SQLException sql ? db.storeError(sql) : (RuntimeException) e;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (c) {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // the connection is gone already: the database has rolled the transaction back itself
        }
    }

    private <T> T underSavepoint(SqlDatabase.SqlWork<T> work) {
        requireUsable();
        try {
            Savepoint savepoint = c.setSavepoint();
            try {
                T result = work.run(c);
                c.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackTo(savepoint, e);
                throw e;
            }
        } catch (SQLException e) {
            throw db.storeError(e);
        }
    }

    private void rollbackTo(Savepoint savepoint, Throwable cause) {
        try {
            c.rollback(savepoint);
        } catch (SQLException e) {
            broken = true; // the connection itself failed: nothing pending can be trusted any more
            cause.addSuppressed(e);
        }
    }

    /** A timestamp of the current window: not before the window's start, strictly increasing. */
    private Instant provisional(Connection conn, Instant now) throws SQLException {
        Instant candidate = Timestamps.micros(now);
        if (windowStart == null) {
            Instant committed = RecordClock.peek(conn);
            windowStart = candidate.isAfter(committed) ? candidate : committed.plusNanos(1_000);
            candidate = windowStart;
        } else if (!candidate.isAfter(lastProvisional)) {
            candidate = lastProvisional.plusNanos(1_000);
        }
        lastProvisional = candidate;
        return candidate;
    }

    private void restamp(Touched t, Instant commitTs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE records SET
                    first_seen_at = CASE WHEN first_seen_at = last_modified_at THEN ? ELSE first_seen_at END,
                    deleted_at = CASE WHEN deleted_at = last_modified_at THEN ? ELSE deleted_at END,
                    last_modified_at = ?
                WHERE provider_config_key = ? AND connection_id = ? AND model = ?
                  AND last_seen_run = ? AND last_modified_at >= ?""")) {
            Sql.setInstant(p, 1, commitTs);
            Sql.setInstant(p, 2, commitTs);
            Sql.setInstant(p, 3, commitTs);
            p.setString(4, t.scope().providerConfigKey());
            p.setString(5, t.scope().connectionId());
            p.setString(6, t.modelKey());
            p.setLong(7, t.runId());
            Sql.setInstant(p, 8, windowStart);
            p.executeUpdate();
        }
    }

    private void requireUsable() {
        if (closed || broken) {
            throw new NangoException("store_error", "Database " + db.description() + ": this run's unit of work is "
                    + (closed ? "closed" : "broken by an earlier failure") + "; its uncommitted writes are rolled back."
                    + " Start a new run to resume from the last checkpoint.");
        }
    }
}
