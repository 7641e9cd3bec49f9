package dev.nangojvm.bindings.store.h2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.store.RecordBatch;
import dev.nangojvm.bindings.store.RecordInput;
import dev.nangojvm.bindings.store.RecordPage;
import dev.nangojvm.bindings.store.RecordQuery;
import dev.nangojvm.bindings.store.RecordScope;
import dev.nangojvm.bindings.store.RecordStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link RecordStore}, on an {@link H2Database}.
 *
 * <p>Each write is one transaction under the database's record-write lock, and gets one timestamp
 * from a per-database monotonic clock, strictly later than any before it. Holding the lock until
 * commit means rows become visible in timestamp order, so a reader paging with a cursor never
 * misses a row committed later. Reads take no lock. Thread-safe.
 */
public final class H2RecordStore implements RecordStore {
    private final H2Database db;

    public H2RecordStore(H2Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** How one chunk is applied by {@link RecordWrites}. */
    @FunctionalInterface
    private interface ChunkWrite {
        BatchResult apply(RecordWrites writes, List<RecordInput> chunk) throws SQLException;
    }

    @Override
    public BatchResult save(RecordScope scope, String model, RecordBatch batch, long runId, Instant now) {
        return write(scope, model, batch, runId, now, RecordWrites::save);
    }

    @Override
    public BatchResult update(RecordScope scope, String model, RecordBatch batch, long runId, Instant now) {
        return write(scope, model, batch, runId, now, RecordWrites::update);
    }

    @Override
    public BatchResult delete(RecordScope scope, String model, RecordBatch batch, long runId, Instant now) {
        return write(scope, model, batch, runId, now, RecordWrites::delete);
    }

    @Override
    public int deleteUnseen(RecordScope scope, String model, long runId, Instant now) {
        return db.recordWrite(now, (c, ts) -> new RecordWrites(c, scope, scope.modelKey(model), runId, ts).deleteUnseen());
    }

    @Override
    public RecordPage list(RecordScope scope, String model, RecordQuery query) {
        return db.inTransaction(c -> RecordReads.list(c, scope, scope.modelKey(model), query));
    }

    @Override
    public Map<String, ObjectNode> getRecordsByIds(RecordScope scope, String model, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(c -> RecordReads.byIds(c, scope, scope.modelKey(model), externalIds));
    }

    private BatchResult write(RecordScope scope, String model, RecordBatch batch, long runId, Instant now,
                              ChunkWrite operation) {
        if (batch.isEmpty()) {
            return BatchResult.EMPTY;
        }
        return db.recordWrite(now, (c, ts) -> {
            RecordWrites writes = new RecordWrites(c, scope, scope.modelKey(model), runId, ts);
            BatchResult total = BatchResult.EMPTY;
            for (List<RecordInput> chunk : batch.chunks()) {
                total = total.plus(operation.apply(writes, chunk));
            }
            return total;
        });
    }
}
