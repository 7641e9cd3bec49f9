package dev.nangojvm.bindings.store;

import dev.nangojvm.bindings.NangoException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The {@code filter} of the records API, and a record's {@code _nango_metadata.last_action}. */
public enum RecordFilter {
    /** Live, and not modified since it was first seen (or undeleted). */
    ADDED,
    /** Live, and modified since it was first seen. */
    UPDATED,
    /** Soft-deleted. */
    DELETED;

    /**
     * Parses the query-string form: {@code added}, {@code updated}, {@code deleted}, any case,
     * comma-separated. A blank value means no filter (the empty set).
     */
    public static Set<RecordFilter> parse(String value) {
        EnumSet<RecordFilter> result = EnumSet.noneOf(RecordFilter.class);
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String part : value.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            try {
                result.add(valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new NangoException("invalid_query", "Records filter '" + value + "' is not valid: '"
                        + part.trim() + "' is not one of added, updated, deleted. Use e.g. 'added,updated'.");
            }
        }
        return result;
    }
}
