import type { PullRequest } from '../../models';

export function toPullRequest(raw: any): PullRequest {
    return {
        id: String(raw.id),
        title: raw.title,
        state: raw.state === 'open' ? 'open' : 'closed',
        author: { id: raw.user.id, login: raw.user.login },
        labels: (raw.labels ?? []).map((l: any) => l.name)
    };
}
