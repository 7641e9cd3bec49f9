import type { CrmField } from '../../models';
import type { HubspotProperty } from '../types';

// ⑨ HubSpot's property definition → the `CrmField` a user picks from. Enumerations keep their
//    visible options, so a UI can show them; read-only properties (ids, dates HubSpot computes)
//    are flagged, since they can be synced but never written back.
export function toCrmField(property: HubspotProperty): CrmField {
    return {
        name: property.name,
        label: property.label,
        type: property.type,
        group: property.groupName,
        read_only: property.calculated || property.modificationMetadata?.readOnlyValue === true,
        ...(property.description ? { description: property.description } : {}),
        options: property.options.filter((option) => !option.hidden).map((option) => ({ value: option.value, label: option.label }))
    };
}
