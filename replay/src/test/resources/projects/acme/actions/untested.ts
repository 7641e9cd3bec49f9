import type { NangoAction } from '../../models.js';

export default async function runAction(_nango: NangoAction): Promise<{ at: string }> {
    return { at: 'never judged' };
}
