import type { CrmActivity, NangoSync, ProxyConfiguration } from '../../models';
import type { PipedriveActivity } from '../types';
import { toCrmActivity } from '../mappers/to-crm-activity.js';
import { pipedriveActivitiesMetadataSchema } from '../schema.zod.js';

// ① The sync entry point, first in the file. A company's activity history can hold millions of
//    activities: more than one run can read before Nango stops a script at 24 hours. So the sync
//    works in passes that may span several runs: each run reads pages until its time budget is
//    spent, saves where it stopped, and the next run carries on from there.
export default async function fetchData(nango: NangoSync): Promise<void> {
    const runStartedAt = Date.now();

    // ② The metadata holds the optional time budget and the sync's progress.
    const parsed = pipedriveActivitiesMetadataSchema.safeParse((await nango.getMetadata()) ?? {});
    if (!parsed.success) {
        throw new Error(
            `pipedrive/activities (connection ${nango.connectionId}): unexpected connection metadata: ` +
                `${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'metadata'}: ${issue.message}`).join('; ')}.`
        );
    }
    const metadata = parsed.data;
    // 23.5 hours by default: half an hour of margin before Nango's 24-hour limit to save and exit.
    const budgetMs = metadata.maxRuntimeMs ?? MAX_RUNTIME_MS;

    // ③ Resume the pass in progress, or start one. A pass reads the activities updated since the
    //    previous pass began (all of them the first time), in id order. Its filter and cursor are
    //    stored together: a Pipedrive cursor is only valid for the query that produced it. A minute
    //    of overlap absorbs clock drift between us and Pipedrive (activities read twice are saved
    //    again, unchanged).
    let passStartedAt = metadata.passStartedAt;
    let updatedSince = metadata.passUpdatedSince ?? undefined;
    let cursor = metadata.cursor ?? undefined;
    let passSaved = metadata.passSaved ?? 0;
    if (!passStartedAt) {
        passStartedAt = new Date(runStartedAt).toISOString();
        updatedSince = metadata.lastPassStartedAt ? rfc3339(new Date(new Date(metadata.lastPassStartedAt).getTime() - LOOKBACK_MS)) : undefined;
        cursor = undefined;
        passSaved = 0;
        await nango.updateMetadata({ passStartedAt, passUpdatedSince: updatedSince ?? null, cursor: null, passSaved });
    } else {
        await nango.log(`Resuming the pass started at ${passStartedAt} after ${passSaved} activities.`);
    }

    const params: Record<string, string> = { sort_by: 'id', sort_direction: 'asc' };
    if (updatedSince) {
        params['updated_since'] = updatedSince;
    }
    if (cursor) {
        params['cursor'] = cursor;
    }

    let savedThisRun = 0;
    const proxyConfig: ProxyConfiguration = {
        // https://developers.pipedrive.com/docs/api/v1/Activities#getActivities (GET /api/v2/activities)
        endpoint: '/api/v2/activities',
        params,
        paginate: {
            type: 'cursor',
            cursor_path_in_response: 'additional_data.next_cursor',
            cursor_name_in_request: 'cursor',
            limit_name_in_request: 'limit',
            limit: 500,
            response_path: 'data',
            // ④ Called after the loop below has saved a page and before the next page is asked
            //    for: the moment to record the cursor of the next page. Records first, progress
            //    second, so a run stopped anywhere loses nothing (at worst one page is read again).
            on_page: async ({ nextPageParam }) => {
                await nango.updateMetadata({ cursor: typeof nextPageParam === 'string' ? nextPageParam : null, passSaved });
            }
        },
        retries: 10
    };

    let firstPage = true;
    for await (const page of nango.paginate<PipedriveActivity>(proxyConfig)) {
        // ⑤ The time check, before each page but the run's first (so every run makes progress,
        //    however small the budget). The page that arrived after the deadline is not saved:
        //    the stored cursor still points at it, and the next run starts there.
        if (!firstPage && Date.now() - runStartedAt >= budgetMs) {
            await nango.log(`Time budget of ${budgetMs} ms spent after ${savedThisRun} activities this run (${passSaved} in this pass): the next run resumes here.`);
            return;
        }
        firstPage = false;
        await nango.batchSave<CrmActivity>(page.map(toCrmActivity), 'CrmActivity');
        savedThisRun += page.length;
        passSaved += page.length;
    }

    // ⑥ The pass is complete: clear it, and remember when it began, so the next pass reads only
    //    what changed since (changes made during this pass included).
    await nango.updateMetadata({ passStartedAt: null, passUpdatedSince: null, cursor: null, passSaved: null, lastPassStartedAt: passStartedAt });
    await nango.log(`Pass complete: ${passSaved} activities${updatedSince ? ` updated since ${updatedSince}` : ''}.`);
}

/** RFC 3339 without fractions, as Pipedrive writes its own timestamps: 2024-01-01T10:00:00Z. */
function rfc3339(date: Date): string {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const MAX_RUNTIME_MS = 23.5 * 60 * 60 * 1000;

const LOOKBACK_MS = 60_000;
