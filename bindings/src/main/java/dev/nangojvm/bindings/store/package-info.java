/**
 * Where the {@code nango} object keeps its state: sync records ({@link dev.nangojvm.bindings.store.RecordStore}),
 * connections and metadata ({@link dev.nangojvm.bindings.store.ConnectionStore}), checkpoints
 * ({@link dev.nangojvm.bindings.store.CheckpointStore}) and run state
 * ({@link dev.nangojvm.bindings.store.SyncStateStore}): SPIs an embedding application may implement,
 * with Nango's semantics kept in front of them ({@link dev.nangojvm.bindings.store.RecordBatches},
 * {@link dev.nangojvm.bindings.store.SyncRun}, {@link dev.nangojvm.bindings.store.Checkpointing}).
 * The default implementations live in {@code store.h2}.
 */
package dev.nangojvm.bindings.store;
