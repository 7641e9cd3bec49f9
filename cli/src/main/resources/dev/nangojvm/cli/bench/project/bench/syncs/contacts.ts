import type { Contact, NangoSync, ProxyConfiguration } from '../../models';
import type { BenchRawContact } from '../types';
import { toContact } from '../mappers/to-contact.js';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const config: ProxyConfiguration = {
        // The loopback benchmark API (BenchApi in the CLI's bench package).
        endpoint: '/contacts',
        retries: 10,
        paginate: { type: 'cursor', cursor_path_in_response: 'next', cursor_name_in_request: 'cursor', response_path: 'contacts', limit: 1000, limit_name_in_request: 'limit' }
    };
    for await (const page of nango.paginate<BenchRawContact>(config)) {
        await nango.batchSave<Contact>(page.map(toContact), 'Contact');
    }
}
