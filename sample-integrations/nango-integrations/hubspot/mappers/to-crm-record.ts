import type { CrmFieldValues, CrmRecord } from '../../models';
import type { HubspotCrmObject } from '../types';

// ⑥ One HubSpot object → one `CrmRecord`. `fields` holds exactly the configured properties, in
//    the configured order: a property the record has no value for is null rather than missing,
//    so every record of a configuration has the same keys.
export function toCrmRecord(object: CrmRecord['object'], record: HubspotCrmObject, fields: readonly string[]): CrmRecord {
    const values: CrmFieldValues = {};
    for (const field of fields) {
        values[field] = record.properties[field] ?? null;
    }
    return {
        // HubSpot ids are unique per object type only: contact 1001 and deal 1001 can both exist.
        id: `${object}:${record.id}`,
        object,
        hubspot_id: record.id,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
        fields: values
    };
}
