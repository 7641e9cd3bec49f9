import type { CrmRecord, NangoSync, ProxyConfiguration } from '../../models';
import type { HubspotCrmObject } from '../types';
import { toCrmRecord } from '../mappers/to-crm-record.js';
import { fetchProperties } from '../helpers/properties.js';
import { hubspotFieldSelectionSchema } from '../schema.zod.js';

// ① The sync entry point, first in the file. What it reads is not fixed in code: the connection
//    metadata names the object types and, for each, the properties to copy.
export default async function fetchData(nango: NangoSync): Promise<void> {
    // ② The configuration: `{ objects: [{ object: 'contacts', fields: ['email', ...] }, ...] }`,
    //    validated with zod before any request (property names go into the query string).
    const metadata = hubspotFieldSelectionSchema.safeParse(await nango.getMetadata());
    if (!metadata.success) {
        throw new Error(
            `hubspot/configured-objects (connection ${nango.connectionId}): the connection metadata must be { objects: [{ object, fields }] }, but ` +
                `${metadata.error.issues.map((issue) => `${issue.path.join('.') || 'metadata'}: ${issue.message}`).join('; ')}. ` +
                `List the available fields with the list-fields action, then set the metadata and start the sync.`
        );
    }

    // ③ One object type after the other, never in parallel.
    for (const { object, fields } of metadata.data.objects) {
        const wanted = await knownFields(nango, object, fields);
        const saved = await syncObject(nango, object, wanted);
        await nango.log(`Saved ${saved} ${object} with the fields ${wanted.join(', ')}.`);
    }
}

/**
 * ④ HubSpot silently leaves out a property it does not know, so a misspelt field would be null in
 *    every record without anyone noticing. Ask HubSpot which properties exist (the same call as
 *    the list-fields action) and warn about the others, then request only the known ones.
 */
async function knownFields(nango: NangoSync, object: CrmRecord['object'], fields: string[]): Promise<string[]> {
    const available = new Set((await fetchProperties(nango, object, 10)).map((property) => property.name));
    const unknown = fields.filter((field) => !available.has(field));
    if (unknown.length > 0) {
        await nango.log(`Ignoring ${unknown.join(', ')}: HubSpot has no such ${object} propert${unknown.length === 1 ? 'y' : 'ies'}. The list-fields action lists the valid names.`, {
            level: 'warn'
        });
    }
    return [...new Set(fields.filter((field) => available.has(field)))];
}

async function syncObject(nango: NangoSync, object: CrmRecord['object'], fields: string[]): Promise<number> {
    // ⑤ The field selection becomes the `properties` query parameter: HubSpot returns only those
    //    (plus its ids and dates). Cursor pagination: `paging.next.after` → `after`, 100 per page.
    const proxyConfig: ProxyConfiguration = {
        // https://developers.hubspot.com/docs/api/crm/contacts (the same list endpoint serves companies and deals)
        endpoint: `/crm/v3/objects/${object}`,
        params: { properties: fields.join(','), archived: 'false' },
        paginate: {
            type: 'cursor',
            cursor_path_in_response: 'paging.next.after',
            cursor_name_in_request: 'after',
            limit_name_in_request: 'limit',
            limit: 100,
            response_path: 'results'
        },
        retries: 10
    };

    let saved = 0;
    for await (const page of nango.paginate<HubspotCrmObject>(proxyConfig)) {
        await nango.batchSave<CrmRecord>(
            page.map((record) => toCrmRecord(object, record, fields)),
            'CrmRecord'
        );
        saved += page.length;
    }
    return saved;
}
