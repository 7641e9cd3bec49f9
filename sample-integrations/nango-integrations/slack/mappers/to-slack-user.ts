import type { SlackUser } from '../../models';
import type { SlackApiUser } from '../types';

// ⑥ A Slack user → `SlackUser`, used by the sync and by the action's API fallback alike, so both
//    sources give the same shape. Empty strings (Slack's "not set") become absent fields.
export function toSlackUser(user: SlackApiUser): SlackUser {
    const realName = user.profile.real_name || user.real_name;
    return {
        id: user.id,
        name: user.name,
        ...(realName ? { real_name: realName } : {}),
        ...(user.profile.display_name ? { display_name: user.profile.display_name } : {}),
        ...(user.profile.email ? { email: user.profile.email } : {}),
        ...(user.profile.title ? { title: user.profile.title } : {}),
        ...(user.tz ? { timezone: user.tz } : {}),
        is_admin: user.is_admin ?? false,
        is_bot: user.is_bot,
        deleted: user.deleted,
        updated_at: new Date(user.updated * 1000).toISOString()
    };
}
