import type { NangoAction } from '../../models.js';

export default async function runAction(nango: NangoAction): Promise<{ at: string }> {
    return { at: String(await nango.getToken()) };
}
