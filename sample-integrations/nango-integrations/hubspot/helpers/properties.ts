import type { NangoAction, ProxyConfiguration } from '../../models';
import type { HubspotProperty, HubspotPropertiesResponse } from '../types';

/**
 * Every property HubSpot defines for one object type: the introspection call that both the
 * `list-fields` action and the `configured-objects` sync make. `retries` is the caller's (10 in a
 * sync, 3 in an action).
 */
export async function fetchProperties(nango: NangoAction, object: string, retries: number): Promise<HubspotProperty[]> {
    const proxyConfig: ProxyConfiguration = {
        // https://developers.hubspot.com/docs/api/crm/properties
        endpoint: `/crm/v3/properties/${object}`,
        retries
    };
    const response = await nango.get<HubspotPropertiesResponse>(proxyConfig);
    return response.data.results;
}
