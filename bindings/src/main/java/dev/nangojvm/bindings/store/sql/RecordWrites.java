package dev.nangojvm.bindings.store.sql;

import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.store.RecordInput;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.internal.JsJson;
import dev.nangojvm.bindings.store.internal.JsonMerge;
import dev.nangojvm.bindings.store.internal.RecordCursor;
import dev.nangojvm.bindings.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write side of {@link SqlRecordStore} for one transaction: reads the stored state of a chunk,
 * decides each record's outcome in Java (Nango's rules, see {@code RecordStore}), then writes with
 * three JDBC batches (inserts, rewrites, seen marks). Later chunks see earlier chunks' rows. Under
 * {@code ignore_if_modified_after}, stored rows after the guard cursor that another run touched are
 * skipped before any rule applies.
 */
final class RecordWrites {
    private final Connection c;
    private final RecordScope scope;
    private final String modelKey;
    private final long runId;
    private final Instant ts;
    private final RecordCursor guard;

    /** A stored row as the write rules need it; {@code payload} only loaded for updates. */
    private record Stored(long rowId, String hash, Instant deletedAt, String payload, Instant lastModifiedAt,
                          long lastSeenRun) {
        boolean live() {
            return deletedAt == null;
        }
    }

    /** A new payload for an existing row; {@code firstSeenAt == null} keeps the stored one. */
    private record Rewrite(long rowId, String json, String hash, Instant firstSeenAt, Instant deletedAt) {
    }

    private final List<RecordInput> inserts = new ArrayList<>();
    private final List<Instant> insertDeletedAts = new ArrayList<>();
    private final List<Rewrite> rewrites = new ArrayList<>();
    private final List<Long> seen = new ArrayList<>();

    /** @param ignoreIfModifiedAfter the merging guard's cursor, or {@code null} for {@code override} */
    RecordWrites(Connection c, RecordScope scope, String modelKey, long runId, Instant ts, String ignoreIfModifiedAfter) {
        this.c = c;
        this.scope = scope;
        this.modelKey = modelKey;
        this.runId = runId;
        this.ts = ts;
        this.guard = ignoreIfModifiedAfter == null ? null : RecordCursor.decode(ignoreIfModifiedAfter);
    }

    BatchResult save(List<RecordInput> chunk) throws SQLException {
        Map<String, Stored> stored = load(chunk, false);
        int added = 0, updated = 0, unchanged = 0;
        for (RecordInput r : chunk) {
            Stored s = stored.get(r.externalId());
            if (skipped(s)) {
                continue;
            }
            if (s == null) {
                insert(r, null);
                added++;
            } else if (!s.live()) {
                rewrites.add(new Rewrite(s.rowId(), r.json(), r.dataHash(), ts, null)); // undelete: ADDED again
                added++;
            } else if (!s.hash().equals(r.dataHash())) {
                rewrites.add(new Rewrite(s.rowId(), r.json(), r.dataHash(), null, null));
                updated++;
            } else {
                seen.add(s.rowId());
                unchanged++;
            }
        }
        flush();
        return new BatchResult(added, updated, 0, unchanged);
    }

    BatchResult update(List<RecordInput> chunk) throws SQLException {
        Map<String, Stored> stored = load(chunk, true);
        int updated = 0;
        for (RecordInput r : chunk) {
            Stored s = stored.get(r.externalId());
            // Nango skips unknown and deleted ids, and ids whose stored hash is already the partial's.
            if (skipped(s) || s == null || !s.live() || s.hash().equals(r.dataHash())) {
                continue;
            }
            String merged = JsJson.stringify(JsonMerge.deep(Sql.readObject(s.payload()), r.payload()));
            rewrites.add(new Rewrite(s.rowId(), merged, r.dataHash(), null, null)); // hash of the partial, as Nango
            updated++;
        }
        flush();
        return new BatchResult(0, updated, 0, 0);
    }

    BatchResult delete(List<RecordInput> chunk) throws SQLException {
        Map<String, Stored> stored = load(chunk, false);
        int deleted = 0;
        for (RecordInput r : chunk) {
            Instant deletedAt = r.deletedAt() == null ? ts : Timestamps.micros(r.deletedAt());
            Stored s = stored.get(r.externalId());
            if (skipped(s)) {
                continue;
            }
            if (s == null) {
                insert(r, deletedAt); // tombstone, not counted
            } else if (s.live()) {
                rewrites.add(new Rewrite(s.rowId(), r.json(), r.dataHash(), null, deletedAt));
                deleted++;
            } else if (!s.hash().equals(r.dataHash()) || !s.deletedAt().equals(deletedAt)) {
                rewrites.add(new Rewrite(s.rowId(), r.json(), r.dataHash(), null, deletedAt));
            }
        }
        flush();
        return new BatchResult(0, 0, deleted, 0);
    }

    /** Soft-deletes the live rows not seen since {@code sinceRunId}; returns their external ids. */
    List<String> deleteUnseen(long sinceRunId) throws SQLException {
        String unseen = " WHERE provider_config_key = ? AND connection_id = ? AND model = ?"
                + " AND deleted_at IS NULL AND (last_seen_run IS NULL OR last_seen_run < ?)";
        List<String> keys = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT external_id FROM records" + unseen + " FOR UPDATE")) {
            bindScope(p, 1);
            p.setLong(4, sinceRunId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        if (keys.isEmpty()) {
            return keys;
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE records SET deleted_at = ?, last_modified_at = ?, last_seen_run = ?" + unseen)) {
            Sql.setInstant(p, 1, ts);
            Sql.setInstant(p, 2, ts);
            p.setLong(3, runId);
            bindScope(p, 4);
            p.setLong(7, sinceRunId);
            p.executeUpdate();
        }
        return keys;
    }

    /** Under {@code ignore_if_modified_after}: a stored row changed after the guard by another run stays as it is. */
    private boolean skipped(Stored s) {
        if (guard == null || s == null || s.lastSeenRun() == runId) {
            return false;
        }
        int byTime = s.lastModifiedAt().compareTo(guard.lastModifiedAt());
        return byTime > 0 || byTime == 0 && s.rowId() > guard.rowId();
    }

    private void insert(RecordInput r, Instant deletedAt) {
        inserts.add(r);
        insertDeletedAts.add(deletedAt);
    }

    private Map<String, Stored> load(List<RecordInput> chunk, boolean withPayload) throws SQLException {
        List<String> ids = chunk.stream().map(RecordInput::externalId).toList();
        String columns = "id, external_id, data_hash, deleted_at, last_modified_at, last_seen_run" + (withPayload ? ", payload" : "");
        String where = " WHERE provider_config_key = ? AND connection_id = ? AND model = ? AND external_id ";
        Map<String, Stored> result = new HashMap<>();
        if (Sql.lookUpKeysOneByOne(c)) {
            try (PreparedStatement p = c.prepareStatement("SELECT " + columns + " FROM records" + where + "= ?")) {
                bindScope(p, 1);
                for (String id : ids) {
                    p.setString(4, id);
                    readStored(p, withPayload, result);
                }
            }
            return result;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT " + columns + " FROM records" + where + "IN " + Sql.inList(ids.size()))) {
            bindScope(p, 1);
            Sql.setStrings(p, 4, ids);
            readStored(p, withPayload, result);
        }
        return result;
    }

    private static void readStored(PreparedStatement p, boolean withPayload, Map<String, Stored> into) throws SQLException {
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                into.put(rs.getString("external_id"), new Stored(rs.getLong("id"), rs.getString("data_hash"),
                        Sql.getInstant(rs, "deleted_at"), withPayload ? rs.getString("payload") : null,
                        Sql.getInstant(rs, "last_modified_at"), rs.getLong("last_seen_run")));
            }
        }
    }

    private void flush() throws SQLException {
        flushInserts();
        flushRewrites();
        flushSeen();
    }

    private void flushInserts() throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO records (provider_config_key, connection_id, model, external_id, payload, data_hash,
                                     first_seen_at, last_modified_at, deleted_at, last_seen_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < inserts.size(); i++) {
                RecordInput r = inserts.get(i);
                bindScope(p, 1);
                p.setString(4, r.externalId());
                p.setString(5, r.json());
                p.setString(6, r.dataHash());
                Sql.setInstant(p, 7, ts);
                Sql.setInstant(p, 8, ts);
                Sql.setInstant(p, 9, insertDeletedAts.get(i));
                p.setLong(10, runId);
                p.addBatch();
            }
            p.executeBatch();
        }
        inserts.clear();
        insertDeletedAts.clear();
    }

    private void flushRewrites() throws SQLException {
        if (rewrites.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE records SET payload = ?, data_hash = ?, first_seen_at = COALESCE(?, first_seen_at),
                                   last_modified_at = ?, deleted_at = ?, last_seen_run = ?
                WHERE id = ?""")) {
            for (Rewrite w : rewrites) {
                p.setString(1, w.json());
                p.setString(2, w.hash());
                Sql.setInstant(p, 3, w.firstSeenAt());
                Sql.setInstant(p, 4, ts);
                Sql.setInstant(p, 5, w.deletedAt());
                p.setLong(6, runId);
                p.setLong(7, w.rowId());
                p.addBatch();
            }
            p.executeBatch();
        }
        rewrites.clear();
    }

    private void flushSeen() throws SQLException {
        if (seen.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE records SET last_seen_run = ? WHERE id = ?")) {
            for (long rowId : seen) {
                p.setLong(1, runId);
                p.setLong(2, rowId);
                p.addBatch();
            }
            p.executeBatch();
        }
        seen.clear();
    }

    private void bindScope(PreparedStatement p, int first) throws SQLException {
        p.setString(first, scope.providerConfigKey());
        p.setString(first + 1, scope.connectionId());
        p.setString(first + 2, modelKey);
    }
}
