import type { NangoAction } from '../../models.js';

export default async function runAction(nango: NangoAction): Promise<{ at: string }> {
    if (nango.providerConfigKey !== 'acme' || (nango as any).connectionId !== undefined) throw new Error('unexpected mock identity');
    return { at: String(await nango.getToken()) };
}
