package dev.nangojvm.bindings;

/** What one batch call changed in the store. Unchanged records are neither added nor updated. */
public record BatchResult(int added, int updated, int deleted, int unchanged) {
    public static final BatchResult EMPTY = new BatchResult(0, 0, 0, 0);

    public BatchResult plus(BatchResult other) {
        return new BatchResult(added + other.added, updated + other.updated,
                deleted + other.deleted, unchanged + other.unchanged);
    }
}
