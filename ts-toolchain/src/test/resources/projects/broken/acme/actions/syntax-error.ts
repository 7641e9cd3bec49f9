import type { NangoAction } from '../../models.js';

export default async function runAction(nango: NangoAction): Promise<number {
    return 1;
}
