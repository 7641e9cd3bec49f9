import type { NangoAction, Contact, Result } from '../../models';
import { store } from '../helpers/store.js';

export default async function runAction(nango: NangoAction, input: Contact): Promise<Result> {
    await store(nango, input);
    return { ok: true };
}
