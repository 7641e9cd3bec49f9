import type { NangoSync, ProxyConfiguration, SlackUser } from '../../models';
import type { SlackApiUser } from '../types';
import { toSlackUser } from '../mappers/to-slack-user.js';

// ① The sync entry point, first in the file: every member of the workspace, deactivated ones
//    included (with deleted: true), as `SlackUser` records. The get-users action reads them back.
export default async function fetchData(nango: NangoSync): Promise<void> {
    // ② Slack's cursor pagination: `response_metadata.next_cursor` goes back as `cursor`, and is
    //    "" on the last page (an empty cursor ends nango.paginate).
    const proxyConfig: ProxyConfiguration = {
        // https://api.slack.com/methods/users.list
        endpoint: '/users.list',
        paginate: {
            type: 'cursor',
            cursor_path_in_response: 'response_metadata.next_cursor',
            cursor_name_in_request: 'cursor',
            limit_name_in_request: 'limit',
            limit: 200,
            response_path: 'members'
        },
        retries: 10
    };

    let saved = 0;
    for await (const members of nango.paginate<SlackApiUser>(proxyConfig)) {
        await nango.batchSave<SlackUser>(members.map(toSlackUser), 'SlackUser');
        saved += members.length;
    }
    await nango.log(`Saved ${saved} Slack user(s).`);
}
