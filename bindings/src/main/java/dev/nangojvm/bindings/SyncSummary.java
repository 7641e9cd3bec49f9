package dev.nangojvm.bindings;

import java.util.Map;

/** Per-model outcome of one sync run, after delete tracking. */
public record SyncSummary(Map<String, BatchResult> byModel) {
    public BatchResult total() {
        return byModel.values().stream().reduce(BatchResult.EMPTY, BatchResult::plus);
    }
}
