import type { SlackUser, SyncedRecord } from '../../models';

// ⑦ A record saved by the users sync → `SlackUser`: the stored record is the model plus Nango's
//    `_nango_metadata`, which an action's caller has no use for.
export function fromSyncedUser(record: SyncedRecord<SlackUser>): SlackUser {
    const { _nango_metadata, ...user } = record;
    return user;
}
