package dev.nangojvm.bindings.store;

import java.util.List;

/**
 * The records of one {@code batchSave}, {@code batchUpdate} or {@code batchDelete} call, split in
 * chunks of at most {@link RecordStore#CHUNK_SIZE}, as Nango sends them. Ids are unique within a
 * chunk (the first occurrence won) but may repeat across chunks: a store applies the chunks in
 * order, so a later chunk overwrites an earlier one, as in Nango.
 *
 * @param chunks the chunks, in call order; none is empty
 */
public record RecordBatch(List<List<RecordInput>> chunks) {
    public static final RecordBatch EMPTY = new RecordBatch(List.of());

    public RecordBatch {
        chunks = chunks.stream().map(List::copyOf).toList();
    }

    /** Number of records over all chunks. */
    public int size() {
        return chunks.stream().mapToInt(List::size).sum();
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }
}
