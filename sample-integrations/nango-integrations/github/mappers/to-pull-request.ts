import type { PullRequest } from '../../models';
import type { GithubPullRequest } from '../types';

// ⑧ One mapper for both the sync and the action, so a pull request looks the same whichever way it
//    reached Nango. It builds a new object and leaves GitHub's untouched.
export function toPullRequest(pullRequest: GithubPullRequest): PullRequest {
    return {
        id: pullRequest.id.toString(),
        number: pullRequest.number,
        title: pullRequest.title,
        // GitHub has only `open` and `closed`; a merged pull request is a closed one with `merged_at`.
        state: pullRequest.merged_at ? 'merged' : pullRequest.state,
        // A deleted account leaves `user` null; GitHub's own UI shows such authors as "ghost".
        author: pullRequest.user?.login ?? 'ghost',
        url: pullRequest.html_url,
        created_at: pullRequest.created_at,
        updated_at: pullRequest.updated_at,
        // Optional in the model: left out rather than set to null while the pull request is unmerged.
        ...(pullRequest.merged_at ? { merged_at: pullRequest.merged_at } : {}),
        draft: pullRequest.draft ?? false,
        head: pullRequest.head.ref,
        base: pullRequest.base.ref,
        labels: pullRequest.labels.map((label) => label.name)
    };
}
