package dev.nangojvm.bindings.store;

import java.util.List;

/**
 * The records of one {@code batchSave}, {@code batchUpdate} or {@code batchDelete} call, split in
 * chunks of at most {@link RecordStore#CHUNK_SIZE}, as Nango sends them. Ids are unique within a
 * chunk (the first occurrence won) but may repeat across chunks: a store applies the chunks in
 * order, so a later chunk overwrites an earlier one, as in Nango.
 *
 * @param chunks                the chunks, in call order; none is empty
 * @param ignoreIfModifiedAfter the {@code ignore_if_modified_after} merging strategy: a cursor from
 *                              {@link RecordStore#latestCursor}; a stored record after it that another
 *                              run last touched is left as it is. {@code null} for {@code override}.
 */
public record RecordBatch(List<List<RecordInput>> chunks, String ignoreIfModifiedAfter) {
    public static final RecordBatch EMPTY = new RecordBatch(List.of());

    public RecordBatch {
        chunks = chunks.stream().map(List::copyOf).toList();
    }

    /** A batch with the default {@code override} merging strategy. */
    public RecordBatch(List<List<RecordInput>> chunks) {
        this(chunks, null);
    }

    /** This batch under {@code ignore_if_modified_after} with {@code cursor}; {@code null} means {@code override}. */
    public RecordBatch ignoringModifiedAfter(String cursor) {
        return new RecordBatch(chunks, cursor);
    }

    /** Number of records over all chunks. */
    public int size() {
        return chunks.stream().mapToInt(List::size).sum();
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }
}
