import type { NangoAction, Contact, Result } from '../../models';

export default async function runAction(nango: NangoAction, input: Contact): Promise<Result> {
    await nango.batchSave([input], 'Contact');
    return { ok: true };
}
