package dev.nangojvm.bindings.store.sql;

import dev.nangojvm.bindings.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The database-wide record clock: one row, {@code record_clock}, holding the last write timestamp
 * handed out. Taking a timestamp locks the row until the transaction ends, so record transactions
 * commit in timestamp order across every process sharing the database, and timestamps strictly
 * increase (in microseconds) whatever the callers' clocks do. A reader paging with a records cursor
 * therefore never misses or repeats a row.
 */
final class RecordClock {
    private RecordClock() {
    }

    /** {@code now} in microseconds, or one microsecond after the last timestamp if that is not later; locks the clock. */
    static Instant next(Connection c, Instant now) throws SQLException {
        Instant last;
        try (PreparedStatement p = c.prepareStatement("SELECT last_ts FROM record_clock WHERE id = 1 FOR UPDATE");
             ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("record_clock has no row: the schema is incomplete; reopen the database to migrate it");
            }
            last = Sql.getInstant(rs, "last_ts");
        }
        Instant candidate = Timestamps.micros(now);
        Instant next = candidate.isAfter(last) ? candidate : last.plusNanos(1_000);
        try (PreparedStatement p = c.prepareStatement("UPDATE record_clock SET last_ts = ? WHERE id = 1")) {
            Sql.setInstant(p, 1, next);
            p.executeUpdate();
        }
        return next;
    }

    /** The last timestamp handed out and committed, without locking. */
    static Instant peek(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT last_ts FROM record_clock WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? Sql.getInstant(rs, "last_ts") : Instant.EPOCH;
        }
    }
}
