import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const response = await nango.get<Contact[]>({
        endpoint: '/contacts',
        retryOn: [429, 503]
    });
    await nango.batchSave(response.data, 'Contact');
}
