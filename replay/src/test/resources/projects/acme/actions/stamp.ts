import type { NangoAction } from '../../models.js';

export default async function runAction(_nango: NangoAction): Promise<{ at: Date }> {
    return { at: new Date(0) };
}
