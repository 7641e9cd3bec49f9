import type { NangoSync, ProxyConfiguration, PullRequest } from '../../models';
import type { GithubPullRequest } from '../types';
import { toPullRequest } from '../mappers/to-pull-request.js';
import { githubRepoMetadataSchema } from '../schema.zod.js';

// ① The sync entry point: `fetchData`, the default export, first thing in the file.
export default async function fetchData(nango: NangoSync): Promise<void> {
    // ② The repository comes from the connection metadata (the `input: GithubRepoMetadata` of
    //    nango.yaml). It is checked with zod before it goes into a URL; a sync has no ActionError,
    //    so a plain Error ends the run with a message saying what to fix.
    const metadata = githubRepoMetadataSchema.safeParse(await nango.getMetadata());
    if (!metadata.success) {
        throw new Error(
            `github/pull-requests (connection ${nango.connectionId}): the connection metadata must be { owner, repo } naming a GitHub repository, ` +
                `but ${metadata.error.issues.map((issue) => `${issue.path.join('.') || 'metadata'}: ${issue.message}`).join('; ')}. ` +
                `Set it with nango.setMetadata({ owner: 'octocat', repo: 'hello-world' }) or the connection metadata API, then start the sync.`
        );
    }
    const { owner, repo } = metadata.data;

    // ③ The incremental strategy. GitHub's list endpoint has no `since` filter, but it can sort by
    //    last update, newest first. So every run walks the list from the most recently updated pull
    //    request and stops at the first one that has not changed since the previous run: everything
    //    after it is older still. `lastSyncDate` is the start of the last successful run, and is
    //    unset on the first run (and after a reset), which then reads every pull request.
    //    GitHub timestamps have whole seconds and the two clocks may drift a little, so the cutoff is
    //    moved back by a minute: the few pull requests read twice are simply saved again (batchSave
    //    upserts by id), while an edit made just as the last run started is never missed.
    //    Closing or merging a pull request updates it too, so state changes arrive the same way;
    //    pull requests cannot be deleted on GitHub, so there are no deletions to detect.
    const cutoff = nango.lastSyncDate ? nango.lastSyncDate.getTime() - LOOKBACK_MS : undefined;
    const isFresh = (pullRequest: GithubPullRequest): boolean => cutoff === undefined || Date.parse(pullRequest.updated_at) >= cutoff;

    // ④ One typed ProxyConfiguration: the path builds on the provider's base_url
    //    (https://api.github.com), the query goes in `params`, and a sync retries up to 10 times.
    const proxyConfig: ProxyConfiguration = {
        // https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
        endpoint: `/repos/${owner}/${repo}/pulls`,
        params: { state: 'all', sort: 'updated', direction: 'desc' },
        // GitHub paginates with an RFC 5988 `Link` header; its rel="next" URL is the next page.
        paginate: {
            type: 'link',
            link_rel_in_response_header: 'next',
            limit_name_in_request: 'per_page',
            limit: PAGE_SIZE
        },
        retries: 10
    };

    // ⑤ nango.paginate asks for one page at a time, only when the loop wants the next one, so
    //    leaving the loop early also stops the requests. Pages are read one after the other, never
    //    in parallel, which keeps Nango's retries and GitHub's rate limit working for us.
    let saved = 0;
    for await (const page of nango.paginate<GithubPullRequest>(proxyConfig)) {
        // ⑥ Keep what changed since the last run, map it with the shared mapper and save it
        //    page by page, so memory stays flat however large the repository is.
        const fresh = page.filter(isFresh);
        if (fresh.length > 0) {
            await nango.batchSave<PullRequest>(fresh.map(toPullRequest), 'PullRequest');
            saved += fresh.length;
        }

        // ⑦ A stale pull request on this page means all later pages are stale too: stop here.
        if (fresh.length < page.length) {
            break;
        }
    }

    await nango.log(`Saved ${saved} pull request(s) of ${owner}/${repo} ${cutoff === undefined ? '(full read)' : `updated since ${new Date(cutoff).toISOString()}`}.`);
}

// GitHub's maximum page size: fewer requests against the rate limit.
const PAGE_SIZE = 100;

const LOOKBACK_MS = 60_000;
