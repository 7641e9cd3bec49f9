import type { NangoSync } from '../../models';

/**
 * ⑦ Collects records and saves them `size` at a time, wherever in the folder tree they were found,
 *    so the number of batchSave calls depends on the number of files, not on how they are spread
 *    over folders. It also remembers which ids it has taken, so a file selected twice (on its own
 *    and inside a selected folder) is saved once.
 */
export class RecordBatch<T extends { id: string }> {
    private readonly nango: NangoSync;
    private readonly model: string;
    private readonly size: number;
    private readonly taken = new Set<string>();
    private pending: T[] = [];
    saved = 0;

    constructor(nango: NangoSync, model: string, size: number) {
        this.nango = nango;
        this.model = model;
        this.size = size;
    }

    has(id: string): boolean {
        return this.taken.has(id);
    }

    async add(record: T): Promise<void> {
        if (this.taken.has(record.id)) {
            return;
        }
        this.taken.add(record.id);
        this.pending.push(record);
        if (this.pending.length >= this.size) {
            await this.flush();
        }
    }

    /** Saves what is pending; call it once more at the end. */
    async flush(): Promise<void> {
        if (this.pending.length === 0) {
            return;
        }
        const batch = this.pending;
        this.pending = [];
        await this.nango.batchSave<T>(batch, this.model);
        this.saved += batch.length;
    }
}
