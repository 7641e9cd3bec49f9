import type { NangoSync, ProxyConfiguration, Contact } from '../../models';
import { toContact } from '../mappers/to-contact';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const config: ProxyConfiguration = {
        // https://developer.acme.test/docs/contacts#list
        endpoint: '/v1/contacts',
        retries: 10,
        paginate: { response_path: 'contacts' }
    };
    for await (const page of nango.paginate<{ id: string; name: string }>(config)) {
        const contacts: Contact[] = page.map(toContact);
        await nango.batchSave(contacts, 'Contact');
    }
}
