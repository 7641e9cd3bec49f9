import type { NangoAction, Contact, Result } from '../../models';

export default async function runAction(nango: NangoAction, input: Contact): Promise<Result> {
    await nango.post({ endpoint: '/contacts', data: input, retries: 3 });
    return { ok: true };
}
