import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const response = await nango.get<Contact[]>({ endpoint: '/contacts', retries: 10 });
    await nango.batchSave(response.data, 'Contact');
    await nango.setMergingStrategy({ strategy: 'ignore_if_modified_after' }, 'Contact');
}
