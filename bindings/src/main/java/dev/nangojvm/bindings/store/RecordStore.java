package dev.nangojvm.bindings.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nangojvm.bindings.BatchResult;
import dev.nangojvm.bindings.LogEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where sync records live: the SPI an embedding application may implement, with
 * {@code SqlRecordStore} (H2 or PostgreSQL) as the default. Records are keyed by integration, connection, model
 * ({@link RecordScope#modelKey variant-qualified}) and external id.
 *
 * <p>The {@code batchSave/batchUpdate/batchDelete} defaults apply Nango's input rules through
 * {@link RecordBatches} and hand the result to the three primitives ({@link #save}, {@link #update},
 * {@link #delete}); an implementation normally implements only the primitives. It does not check
 * that the model is declared by the sync: {@link SyncRun} does.
 *
 * <p><b>Semantics every implementation must keep</b> ({@code now} is the caller's clock; an
 * implementation may move it forward so that each write transaction gets a strictly later
 * {@code last_modified_at} than the previous one, and must store microsecond precision):
 * <ul>
 *   <li>{@code save}: new id → inserted, {@code first_seen_at = last_modified_at = now}, <em>added</em>;
 *       live with a different hash → payload replaced, {@code last_modified_at = now}, <em>updated</em>;
 *       live with the same hash → nothing changes, <em>unchanged</em>; deleted → undeleted with
 *       both timestamps reset to now, <em>added</em>. Every id is marked seen by {@code runId}.</li>
 *   <li>{@code update}: for each live id whose stored hash differs from the partial's hash, the
 *       stored payload is deep-merged with the partial ({@code JsonMerge}), the stored hash becomes
 *       the partial's, {@code last_modified_at = now}, <em>updated</em>, seen. Other ids: ignored.</li>
 *   <li>{@code delete}: live id → payload and hash replaced by what was passed,
 *       {@code deleted_at = deletedAt ?? now}, {@code last_modified_at = now}, <em>deleted</em>;
 *       unknown id → inserted as a deleted tombstone, not counted; already deleted → rewritten the
 *       same way unless hash and {@code deleted_at} are unchanged, not counted.</li>
 *   <li>Every write marks the rows it writes or sees as touched by {@code runId} (the "seen"
 *       generation of delete tracking).</li>
 *   <li>A batch with {@link RecordBatch#ignoreIfModifiedAfter()} leaves alone every stored record
 *       that sorts after that cursor and was last touched by another run.</li>
 *   <li>Each primitive call is one transaction: all chunks or nothing. Applying the same batch
 *       twice leaves the same records (idempotent by id), which makes resuming from a checkpoint safe.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface RecordStore {
    /** Records per chunk, as Nango's SDK sends them. */
    int CHUNK_SIZE = 1000;

    /** {@code nango.batchSave}: validates ({@link RecordBatches}) then {@link #save}s. Empty input → {@link BatchResult#EMPTY}. */
    default BatchResult batchSave(RecordScope scope, String model, ArrayNode records, long runId, Instant now,
                                  Consumer<LogEntry> log) {
        String modelKey = scope.modelKey(model);
        RecordBatch batch = RecordBatches.prepare(RecordBatches.Operation.SAVE, modelKey, records, log, now);
        return batch.isEmpty() ? BatchResult.EMPTY : save(scope, model, batch, runId, now);
    }

    /** {@code nango.batchUpdate}: validates then {@link #update}s. */
    default BatchResult batchUpdate(RecordScope scope, String model, ArrayNode partials, long runId, Instant now,
                                    Consumer<LogEntry> log) {
        String modelKey = scope.modelKey(model);
        RecordBatch batch = RecordBatches.prepare(RecordBatches.Operation.UPDATE, modelKey, partials, log, now);
        return batch.isEmpty() ? BatchResult.EMPTY : update(scope, model, batch, runId, now);
    }

    /** {@code nango.batchDelete}: validates then {@link #delete}s. */
    default BatchResult batchDelete(RecordScope scope, String model, ArrayNode records, long runId, Instant now,
                                    Consumer<LogEntry> log) {
        String modelKey = scope.modelKey(model);
        RecordBatch batch = RecordBatches.prepare(RecordBatches.Operation.DELETE, modelKey, records, log, now);
        return batch.isEmpty() ? BatchResult.EMPTY : delete(scope, model, batch, runId, now);
    }

    /** Upserts a prepared batch in one transaction; see the class comment. {@code model} is the script's (unqualified) name. */
    BatchResult save(RecordScope scope, String model, RecordBatch batch, long runId, Instant now);

    /** Deep-merges a prepared batch of partials in one transaction; counts only {@code updated}. */
    BatchResult update(RecordScope scope, String model, RecordBatch batch, long runId, Instant now);

    /** Soft-deletes a prepared batch in one transaction; counts only {@code deleted}. */
    BatchResult delete(RecordScope scope, String model, RecordBatch batch, long runId, Instant now);

    /**
     * Deletion detection: soft-deletes ({@code deleted_at = last_modified_at = now}) every live
     * record of the model not seen by run {@code sinceRunId} or a later one, and marks them touched
     * by {@code runId}. Callers use it only after a successful run (legacy {@code track_deletes}), or
     * with the run id of a {@code trackDeletesStart} marker.
     *
     * @return the external ids of the records deleted
     */
    List<String> deleteUnseen(RecordScope scope, String model, long sinceRunId, long runId, Instant now);

    /**
     * The cursor of the model's most recently modified record, deleted or not; empty when it has
     * none. The {@code ignore_if_modified_after} merging strategy captures it ({@link RecordBatch}).
     */
    Optional<String> latestCursor(RecordScope scope, String model);

    /** One page of the records API, deleted records included unless filtered out. */
    RecordPage list(RecordScope scope, String model, RecordQuery query);

    /**
     * The stored records with these external ids, in the format of {@link #list}, deleted ones
     * included; ids that are not stored are absent. Iteration follows {@code externalIds}.
     */
    Map<String, ObjectNode> getRecordsByIds(RecordScope scope, String model, Collection<String> externalIds);
}
