import type { NangoAction, NoopResult } from '../../models';

export default async function runAction(_nango: NangoAction): Promise<NoopResult> {
    return { ok: true };
}
