import type { NangoAction } from '../../models.js';

export default async function runAction(nango: NangoAction): Promise<unknown> {
    const res = await nango.get({ endpoint: '/v1/things', params: { page: 3 } });
    return { things: res.data, noHeaders: res.headers === undefined, noStatus: res.status === undefined };
}
