import type { CrmFieldList, HubspotObjectInput, NangoAction } from '../../models';
import { toCrmField } from '../mappers/to-crm-field.js';
import { fetchProperties } from '../helpers/properties.js';
import { hubspotObjectInputSchema } from '../schema.zod.js';
import { readUpstreamStatus } from '../helpers/upstream-status.js';

// ⑦ The companion action of the configuration-based sync: it lists the fields a user can choose
//    for one object type, so the sync's metadata can be built from real property names.
export default async function runAction(nango: NangoAction, input: HubspotObjectInput): Promise<CrmFieldList> {
    const { data } = await nango.zodValidateInput({ zodSchema: hubspotObjectInputSchema, input });

    // ⑧ HubSpot's introspection endpoint returns every property at once (it is not paginated), so
    //    there is no cursor to hand back. 3 retries, as for every action.
    try {
        const properties = await fetchProperties(nango, data.object, 3);
        return {
            object: data.object,
            // Hidden properties are HubSpot's internal bookkeeping: not offered.
            fields: properties.filter((property) => !property.hidden).map(toCrmField)
        };
    } catch (error) {
        if (readUpstreamStatus(error) === 403) {
            throw new nango.ActionError({
                message: `The connection may not read the ${data.object} schema: it needs the crm.schemas.${data.object}.read scope.`,
                object: data.object
            });
        }
        throw error;
    }
}
