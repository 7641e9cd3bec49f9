import type { NangoSync, PullRequest } from '../../models.js';
import { z } from 'zod';
import { createHash } from 'crypto';
import { toPullRequest } from '../mappers/to-pull-request.js';

const rawPullRequest = z.object({ id: z.number(), title: z.string() }).passthrough();

export default async function fetchData(nango: NangoSync): Promise<void> {
    for await (const page of nango.paginate({ endpoint: '/repos/o/r/pulls' })) {
        const prs: PullRequest[] = page.map((raw: unknown) => toPullRequest(rawPullRequest.parse(raw)));
        await nango.batchSave(prs, 'PullRequest');
    }
    await nango.log(createHash('sha1').update('done').digest('hex'));
}

export async function onWebhookPayloadReceived(nango: NangoSync, payload: any): Promise<void> {
    await nango.batchSave([toPullRequest(payload.pull_request)], 'PullRequest');
}
