// Raw HubSpot CRM v3 API shapes (only the fields this integration reads), prefixed with `Hubspot`
// so they never clash with the models generated from nango.yaml.

// https://developers.hubspot.com/docs/api/crm/properties (one item of `results`)
export interface HubspotProperty {
    name: string;
    label: string;
    // The value type: string, number, date, datetime, enumeration, bool, phone_number...
    type: string;
    // How HubSpot's UI edits it: text, textarea, number, select, radio, checkbox, date, ...
    fieldType: string;
    description: string;
    groupName: string;
    options: HubspotPropertyOption[];
    hidden: boolean;
    calculated: boolean;
    hubspotDefined?: boolean;
    modificationMetadata?: {
        readOnlyValue: boolean;
    };
}

export interface HubspotPropertyOption {
    label: string;
    value: string;
    hidden: boolean;
}

// https://developers.hubspot.com/docs/api/crm/properties (GET /crm/v3/properties/{objectType})
export interface HubspotPropertiesResponse {
    results: HubspotProperty[];
}

// https://developers.hubspot.com/docs/api/crm/understanding-the-crm (one item of a list response's `results`)
export interface HubspotCrmObject {
    id: string;
    // Every value is a string, or null when the record has none.
    properties: Record<string, string | null>;
    createdAt: string;
    updatedAt: string;
    archived: boolean;
}
