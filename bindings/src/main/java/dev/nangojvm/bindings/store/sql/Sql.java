package dev.nangojvm.bindings.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** JDBC conventions shared by the H2 stores: UTC timestamps, text arrays, JSON text columns. */
final class Sql {
    static final ObjectMapper JSON = new ObjectMapper();

    private Sql() {
    }

    static void setInstant(PreparedStatement p, int index, Instant value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Most values bound in one {@link #inList}: a chunk of records. */
    static final int MAX_IN_LIST = 1000;

    /**
     * {@code (?, ?, ...)} with {@code n} markers. An {@code IN} list rather than {@code = ANY(array)}:
     * PostgreSQL uses the index for both, H2 only for the list.
     */
    static String inList(int n) {
        return "(" + "?, ".repeat(n - 1) + "?)";
    }

    /**
     * Whether lookups by external id should go one key at a time: H2 scans the model's rows for an
     * {@code IN} list (or {@code = ANY}) on the fourth column of the unique key, while a single
     * equality is an index lookup, in process and cheap. PostgreSQL uses the index for the list.
     */
    static boolean lookUpKeysOneByOne(java.sql.Connection c) throws SQLException {
        return "H2".equals(c.getMetaData().getDatabaseProductName());
    }

    /** Binds {@code values} from parameter {@code first} on. */
    static void setStrings(PreparedStatement p, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            p.setString(first + i, values.get(i));
        }
    }

    /** Parses a JSON object column; {@code null} stays {@code null}. */
    static ObjectNode readObject(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("stored JSON is not an object: " + node.getNodeType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** Serialises a JSON object column with Jackson (these columns are not hashed); {@code null} stays {@code null}. */
    static String writeObject(ObjectNode node) {
        return node == null ? null : node.toString();
    }
}
