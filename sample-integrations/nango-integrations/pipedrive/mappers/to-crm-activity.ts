import type { CrmActivity } from '../../models';
import type { PipedriveActivity } from '../types';

// ⑦ A Pipedrive activity → `CrmActivity`; Pipedrive's nulls become absent optional fields.
export function toCrmActivity(activity: PipedriveActivity): CrmActivity {
    return {
        id: activity.id.toString(),
        subject: activity.subject,
        type: activity.type,
        done: activity.done,
        owner_id: activity.owner_id.toString(),
        ...(activity.deal_id !== null ? { deal_id: activity.deal_id.toString() } : {}),
        ...(activity.person_id !== null ? { person_id: activity.person_id.toString() } : {}),
        ...(activity.org_id !== null ? { org_id: activity.org_id.toString() } : {}),
        ...(activity.due_date ? { due_date: activity.due_date } : {}),
        ...(activity.due_time ? { due_time: activity.due_time } : {}),
        ...(activity.duration ? { duration: activity.duration } : {}),
        ...(activity.note ? { note: activity.note } : {}),
        created_at: activity.add_time,
        updated_at: activity.update_time
    };
}
