import type { NangoAction, ProxyConfiguration, SlackUser, SlackUserIds, SlackUsers, SyncedRecord } from '../../models';
import type { SlackUserInfoResponse } from '../types';
import { toSlackUser } from '../mappers/to-slack-user.js';
import { fromSyncedUser } from '../mappers/from-synced-user.js';
import { slackUserIdsSchema } from '../schema.zod.js';

// ③ An action that leverages the users sync: it answers from the records the sync already saved,
//    and asks Slack only about the ids the sync has not seen (a user who joined since its last
//    run, or a sync that never ran). Same `SlackUser` shape either way.
export default async function runAction(nango: NangoAction, input: SlackUserIds): Promise<SlackUsers> {
    const { data } = await nango.zodValidateInput({ zodSchema: slackUserIdsSchema, input });
    const ids = [...new Set(data.ids)];

    // ④ One read of the synced records, keyed by id. A record the sync deleted (a user who left
    //    the workspace list) is not trusted: Slack is asked about it again.
    const synced = await nango.getRecordsByIds<string, SyncedRecord<SlackUser>>(ids, 'SlackUser');

    const users: SlackUser[] = [];
    const notFound: string[] = [];
    const fetched: string[] = [];
    for (const id of ids) {
        const record = synced.get(id);
        if (record && !record._nango_metadata.deleted_at) {
            users.push(fromSyncedUser(record));
            continue;
        }
        // ⑤ The fallback: one users.info call per missing id, one after the other.
        const user = await fetchUser(nango, id);
        fetched.push(id);
        if (user) {
            users.push(user);
        } else {
            notFound.push(id);
        }
    }

    await nango.log(`${users.length - (fetched.length - notFound.length)} user(s) from synced records, ${fetched.length} asked from Slack.`);
    return { users, not_found: notFound };
}

async function fetchUser(nango: NangoAction, id: string): Promise<SlackUser | undefined> {
    const proxyConfig: ProxyConfiguration = {
        // https://api.slack.com/methods/users.info
        endpoint: '/users.info',
        params: { user: id },
        retries: 3
    };
    const { data } = await nango.get<SlackUserInfoResponse>(proxyConfig);
    if (data.ok) {
        return toSlackUser(data.user);
    }
    if (data.error === 'user_not_found') {
        return undefined;
    }
    // Slack reports failures in the body of an HTTP 200: invalid_auth, missing_scope, ratelimited...
    throw new nango.ActionError({ message: `Slack refused users.info for ${id}: ${data.error}`, slack_error: data.error, user: id });
}
