package dev.nangojvm.bindings.store.sql;

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
import java.util.Optional;

/**
 * The {@link RecordStore} on a {@link SqlDatabase} (H2 or PostgreSQL).
 *
 * <p>Each write is one transaction and gets one timestamp from the database's record clock, strictly
 * later than any before it; the clock stays locked until commit, so rows become visible in timestamp
 * order and a reader paging with a cursor never misses a row committed later. Reads take no lock.
 * Inside a unit of work the same statements run on the unit's connection and commit with it.
 * Thread-safe.
 */
public final class SqlRecordStore implements RecordStore {
    private final Transactions tx;

    public SqlRecordStore(SqlDatabase db) {
        this(Objects.requireNonNull(db, "db").transactions());
    }

    SqlRecordStore(Transactions tx) {
        this.tx = tx;
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
    public List<String> deleteUnseen(RecordScope scope, String model, long sinceRunId, long runId, Instant now) {
        String modelKey = scope.modelKey(model);
        return tx.recordWrite(new Transactions.Touched(scope, modelKey, runId), now,
                (c, ts) -> new RecordWrites(c, scope, modelKey, runId, ts, null).deleteUnseen(sinceRunId));
    }

    @Override
    public Optional<String> latestCursor(RecordScope scope, String model) {
        return tx.read(c -> RecordReads.latestCursor(c, scope, scope.modelKey(model)));
    }

    @Override
    public RecordPage list(RecordScope scope, String model, RecordQuery query) {
        return tx.read(c -> RecordReads.list(c, scope, scope.modelKey(model), query));
    }

    @Override
    public Map<String, ObjectNode> getRecordsByIds(RecordScope scope, String model, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        return tx.read(c -> RecordReads.byIds(c, scope, scope.modelKey(model), externalIds));
    }

    private BatchResult write(RecordScope scope, String model, RecordBatch batch, long runId, Instant now,
                              ChunkWrite operation) {
        if (batch.isEmpty()) {
            return BatchResult.EMPTY;
        }
        String modelKey = scope.modelKey(model);
        return tx.recordWrite(new Transactions.Touched(scope, modelKey, runId), now, (c, ts) -> {
            RecordWrites writes = new RecordWrites(c, scope, modelKey, runId, ts, batch.ignoreIfModifiedAfter());
            BatchResult total = BatchResult.EMPTY;
            for (List<RecordInput> chunk : batch.chunks()) {
                total = total.plus(operation.apply(writes, chunk));
            }
            return total;
        });
    }
}
