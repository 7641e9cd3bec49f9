import type { NangoAction } from '../../models.js';

export default async function runAction(nango: NangoAction): Promise<never> {
    throw new nango.ActionError({ message: 'nope' });
}
