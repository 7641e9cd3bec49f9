package dev.nangojvm.bindings;

import java.util.Objects;

/**
 * How a sync run treats its records beyond Nango's defaults.
 *
 * <pre>{@code
 * SyncOptions dryRun = SyncOptions.defaults()
 *         .withValidator(RecordValidator.of(schemasByModel))   // warn about invalid records
 *         .withValidation(true);                               // --validation: fail instead
 * SyncExecution run = nango.startSync(info, config, dryRun, logs::add);
 * }</pre>
 *
 * @param validator  checks each {@code batchSave}d record against its model's JSON Schema;
 *                   {@link RecordValidator#NONE} (the default) checks nothing, as Nango's runner
 * @param validation {@code --validation}: an invalid record fails the call with
 *                   {@code invalid_sync_record} and nothing of the batch is saved. Without it (the
 *                   default) the run logs a warning and saves the records as they are.
 */
public record SyncOptions(RecordValidator validator, boolean validation) {
    public SyncOptions {
        Objects.requireNonNull(validator, "validator");
    }

    /** No record validation, as in Nango's production runner. */
    public static SyncOptions defaults() {
        return new SyncOptions(RecordValidator.NONE, false);
    }

    public SyncOptions withValidator(RecordValidator newValidator) {
        return new SyncOptions(newValidator, validation);
    }

    public SyncOptions withValidation(boolean enabled) {
        return new SyncOptions(validator, enabled);
    }
}
