package dev.nangojvm.bindings.store.sql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.store.RecordFilter;
import dev.nangojvm.bindings.store.RecordPage;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.internal.RecordCursor;
import dev.nangojvm.bindings.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read side of {@link SqlRecordStore}: records API pages and lookups by id, in Nango's output format. */
final class RecordReads {
    private static final String COLUMNS = "id, external_id, payload, first_seen_at, last_modified_at, deleted_at";
    private static final String SCOPE = "provider_config_key = ? AND connection_id = ? AND model = ?";

    private RecordReads() {
    }

    static RecordPage list(Connection c, RecordScope scope, String modelKey, RecordQuery query) throws SQLException {
        RecordCursor after = query.cursor() == null ? null : RecordCursor.decode(query.cursor());
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM records WHERE " + SCOPE);
        if (after != null) {
            sql.append(" AND (last_modified_at, id) > (?, ?)");
        }
        if (query.modifiedAfter() != null) {
            sql.append(" AND last_modified_at >= ?");
        }
        sql.append(filterClause(query.filter())).append(" ORDER BY last_modified_at, id LIMIT ?");
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            int i = bindScope(p, scope, modelKey);
            if (after != null) {
                Sql.setInstant(p, i++, after.lastModifiedAt());
                p.setLong(i++, after.rowId());
            }
            if (query.modifiedAfter() != null) {
                Sql.setInstant(p, i++, query.modifiedAfter());
            }
            p.setInt(i, query.limit() + 1); // one more row tells whether another page follows
            return toPage(p, query.limit());
        }
    }

    /** The cursor of the model's last record in the records API order, deleted ones included. */
    static Optional<String> latestCursor(Connection c, RecordScope scope, String modelKey) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT last_modified_at, id FROM records WHERE " + SCOPE
                + " ORDER BY last_modified_at DESC, id DESC LIMIT 1")) {
            bindScope(p, scope, modelKey);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next()
                        ? Optional.of(new RecordCursor(Sql.getInstant(rs, "last_modified_at"), rs.getLong("id")).encode())
                        : Optional.empty();
            }
        }
    }

    static Map<String, ObjectNode> byIds(Connection c, RecordScope scope, String modelKey, Collection<String> ids)
            throws SQLException {
        Map<String, ObjectNode> found = new HashMap<>();
        List<String> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
        int slices = Sql.lookUpKeysOneByOne(c) ? 1 : Sql.MAX_IN_LIST;
        for (int from = 0; from < distinct.size(); from += slices) {
            List<String> slice = distinct.subList(from, Math.min(distinct.size(), from + slices));
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM records WHERE " + SCOPE + " AND external_id IN " + Sql.inList(slice.size()))) {
                Sql.setStrings(p, bindScope(p, scope, modelKey), slice);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString("external_id"), toRecord(rs));
                    }
                }
            }
        }
        Map<String, ObjectNode> ordered = new LinkedHashMap<>();
        for (String id : ids) {
            ObjectNode record = found.get(id);
            if (record != null) {
                ordered.put(id, record);
            }
        }
        return ordered;
    }

    /**
     * A set of last actions as SQL. ADDED/UPDATED are told apart by comparing the two timestamps,
     * as Nango does; with all three (or none) there is no condition.
     */
    private static String filterClause(Set<RecordFilter> filter) {
        if (filter.isEmpty() || filter.size() == RecordFilter.values().length) {
            return "";
        }
        List<String> conditions = new ArrayList<>();
        if (filter.contains(RecordFilter.ADDED)) {
            conditions.add("(deleted_at IS NULL AND first_seen_at = last_modified_at)");
        }
        if (filter.contains(RecordFilter.UPDATED)) {
            conditions.add("(deleted_at IS NULL AND first_seen_at <> last_modified_at)");
        }
        if (filter.contains(RecordFilter.DELETED)) {
            conditions.add("deleted_at IS NOT NULL");
        }
        return " AND (" + String.join(" OR ", conditions) + ")";
    }

    private static RecordPage toPage(PreparedStatement p, int limit) throws SQLException {
        List<ObjectNode> records = new ArrayList<>();
        boolean more = false;
        String lastCursor = null;
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                if (records.size() == limit) {
                    more = true;
                    break;
                }
                ObjectNode record = toRecord(rs);
                records.add(record);
                lastCursor = record.path("_nango_metadata").path("cursor").textValue();
            }
        }
        return new RecordPage(records, more ? lastCursor : null);
    }

    /** The stored payload with {@code id} forced to the external id, plus {@code _nango_metadata}. */
    private static ObjectNode toRecord(ResultSet rs) throws SQLException {
        ObjectNode record = Sql.readObject(rs.getString("payload"));
        record.put("id", rs.getString("external_id"));
        Instant firstSeen = Sql.getInstant(rs, "first_seen_at");
        Instant lastModified = Sql.getInstant(rs, "last_modified_at");
        Instant deletedAt = Sql.getInstant(rs, "deleted_at");
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("first_seen_at", Timestamps.format(firstSeen));
        meta.put("last_modified_at", Timestamps.format(lastModified));
        meta.put("last_action", lastAction(firstSeen, lastModified, deletedAt).name());
        meta.put("deleted_at", deletedAt == null ? null : Timestamps.format(deletedAt));
        meta.putNull("pruned_at"); // this store never prunes payloads
        meta.put("cursor", new RecordCursor(lastModified, rs.getLong("id")).encode());
        record.set("_nango_metadata", meta);
        return record;
    }

    private static RecordFilter lastAction(Instant firstSeen, Instant lastModified, Instant deletedAt) {
        if (deletedAt != null) {
            return RecordFilter.DELETED;
        }
        return firstSeen.equals(lastModified) ? RecordFilter.ADDED : RecordFilter.UPDATED;
    }

    private static int bindScope(PreparedStatement p, RecordScope scope, String modelKey) throws SQLException {
        p.setString(1, scope.providerConfigKey());
        p.setString(2, scope.connectionId());
        p.setString(3, modelKey);
        return 4;
    }
}
