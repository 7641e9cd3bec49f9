package dev.nangojvm.bindings.store;

import dev.nangojvm.bindings.NangoException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A page request of the records API ({@code GET /records}): records ordered by
 * {@code last_modified_at} then row id, after {@code cursor}, modified at or after
 * {@code modifiedAfter}, with a {@code last_action} in {@code filter}.
 *
 * <pre>{@code
 * RecordQuery q = RecordQuery.defaults().withLimit(500).withFilter(RecordFilter.parse("added,updated"));
 * }</pre>
 *
 * @param cursor        continue after this record ({@code next_cursor} or a record's {@code _nango_metadata.cursor}); {@code null} from the start
 * @param modifiedAfter inclusive lower bound on {@code last_modified_at}; {@code null} for none
 * @param filter        allowed {@code last_action}s; empty means all
 * @param limit         page size, {@value #MIN_LIMIT}..{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}
 */
public record RecordQuery(String cursor, Instant modifiedAfter, Set<RecordFilter> filter, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 10_000;

    public RecordQuery {
        filter = filter == null || filter.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(filter));
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new NangoException("invalid_query", "Records limit " + limit + " is out of range: it must be between "
                    + MIN_LIMIT + " and " + MAX_LIMIT + ". Page with the cursor instead.");
        }
        if (cursor != null && cursor.isEmpty()) {
            cursor = null;
        }
    }

    /** All records from the start, {@value #DEFAULT_LIMIT} per page. */
    public static RecordQuery defaults() {
        return new RecordQuery(null, null, Set.of(), DEFAULT_LIMIT);
    }

    public RecordQuery withCursor(String newCursor) {
        return new RecordQuery(newCursor, modifiedAfter, filter, limit);
    }

    public RecordQuery withModifiedAfter(Instant newModifiedAfter) {
        return new RecordQuery(cursor, newModifiedAfter, filter, limit);
    }

    public RecordQuery withFilter(Set<RecordFilter> newFilter) {
        return new RecordQuery(cursor, modifiedAfter, newFilter, limit);
    }

    public RecordQuery withLimit(int newLimit) {
        return new RecordQuery(cursor, modifiedAfter, filter, newLimit);
    }
}
