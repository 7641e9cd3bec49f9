import type { NangoSync, ProxyConfiguration, SupportTicket } from '../../models';
import type { ZendeskSearchCount, ZendeskTicketSearchResult } from '../types';
import { toSupportTicket } from '../mappers/to-support-ticket.js';
import { earliest, searchTime, startOfNextMonth, toWholeSeconds } from '../helpers/windows.js';
import { zendeskBackfillSchema } from '../schema.zod.js';

// ① The sync entry point, first in the file. Two phases: a backfill of every ticket created since
//    `backfillFrom`, one calendar month at a time, then incremental runs that read only the tickets
//    updated since the previous run.
export default async function fetchData(nango: NangoSync): Promise<void> {
    const runStartedAt = toWholeSeconds(new Date());

    // ② The metadata holds the user's `backfillFrom` and the sync's own progress.
    const parsed = zendeskBackfillSchema.safeParse(await nango.getMetadata());
    if (!parsed.success) {
        throw new Error(
            `zendesk/tickets (connection ${nango.connectionId}): the connection metadata must be { backfillFrom: "<date>" }, but ` +
                `${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'metadata'}: ${issue.message}`).join('; ')}.`
        );
    }
    const metadata = parsed.data;

    // ③ The end of the backfill is fixed by the first run and kept in the metadata, so a backfill
    //    that takes several runs covers one well-defined range. Everything after it is the
    //    incremental phase's job.
    const backfillUntil = metadata.backfillUntil ?? runStartedAt;
    if (!metadata.backfillUntil) {
        await nango.updateMetadata({ backfillUntil: backfillUntil.toISOString() });
    }

    if (!metadata.backfillComplete) {
        // ④ Resume where the last run stopped: `nextWindowStart` is the first window not yet saved.
        let windowStart = metadata.nextWindowStart ?? metadata.backfillFrom;
        while (windowStart < backfillUntil) {
            const windowEnd = earliest(startOfNextMonth(windowStart), backfillUntil);
            const saved = await syncWindow(nango, 'created', windowStart, windowEnd);
            // ⑤ Progress is written after the window's tickets are saved: a run that fails in the
            //    middle of a window reads that window again next time (saving a ticket twice is
            //    harmless), and never skips one.
            await nango.updateMetadata({ nextWindowStart: windowEnd.toISOString() });
            await nango.log(`Backfill: ${saved} ticket(s) created from ${windowStart.toISOString()} to ${windowEnd.toISOString()}.`);
            windowStart = windowEnd;
        }
        await nango.updateMetadata({ backfillComplete: true });
    }

    // ⑥ The incremental phase: tickets updated since the previous successful run, or, on the run
    //    that finished the backfill, since the backfill's end. A minute of overlap absorbs clock
    //    drift; tickets read twice are saved again, unchanged.
    const since = metadata.backfillComplete && nango.lastSyncDate ? nango.lastSyncDate : backfillUntil;
    const updated = await syncWindow(nango, 'updated', new Date(since.getTime() - LOOKBACK_MS), runStartedAt);
    await nango.log(`Incremental: ${updated} ticket(s) updated since ${since.toISOString()}.`);
}

/**
 * ⑦ One window: `field` (created or updated) in [from, to). Zendesk's search returns at most 1,000
 *    results per query, so the window's size is checked first with the count endpoint; a window
 *    with more is split in two halves until each fits. Returns how many tickets were saved.
 */
async function syncWindow(nango: NangoSync, field: 'created' | 'updated', from: Date, to: Date): Promise<number> {
    // Zendesk compares with `>` and `<` only, at whole seconds: [from, to) is "> from − 1 s" and "< to".
    const query = `type:ticket ${field}>${searchTime(new Date(from.getTime() - 1000))} ${field}<${searchTime(to)}`;

    const countConfig: ProxyConfiguration = {
        // https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/#show-results-count
        endpoint: '/api/v2/search/count',
        params: { query },
        retries: 10
    };
    const { data } = await nango.get<ZendeskSearchCount>(countConfig);
    if (data.count === 0) {
        return 0;
    }
    if (data.count > SEARCH_RESULT_LIMIT) {
        const half = toWholeSeconds(new Date(from.getTime() + (to.getTime() - from.getTime()) / 2));
        if (half.getTime() <= from.getTime()) {
            throw new Error(`More than ${SEARCH_RESULT_LIMIT} tickets ${field} in the same second (${from.toISOString()}): Zendesk's search cannot list them.`);
        }
        await nango.log(`${data.count} tickets ${field} from ${from.toISOString()} to ${to.toISOString()}: more than one search returns, splitting the window.`, {
            level: 'debug'
        });
        return (await syncWindow(nango, field, from, half)) + (await syncWindow(nango, field, half, to));
    }

    const searchConfig: ProxyConfiguration = {
        // https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/#list-search-results
        endpoint: '/api/v2/search.json',
        params: { query, sort_by: 'created_at', sort_order: 'asc' },
        // `next_page` in the body is the full URL of the next page.
        paginate: {
            type: 'link',
            link_path_in_response_body: 'next_page',
            limit_name_in_request: 'per_page',
            limit: 100,
            response_path: 'results'
        },
        retries: 10
    };
    let saved = 0;
    for await (const page of nango.paginate<ZendeskTicketSearchResult>(searchConfig)) {
        const tickets = page.filter((result) => result.result_type === 'ticket').map(toSupportTicket);
        await nango.batchSave<SupportTicket>(tickets, 'SupportTicket');
        saved += tickets.length;
    }
    return saved;
}

// Zendesk's Search API limit: results past the 1,000th are refused.
const SEARCH_RESULT_LIMIT = 1000;

const LOOKBACK_MS = 60_000;
