import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    await nango.setMergingStrategy({ strategy: 'override' }, 'Contact');
    await nango.trackDeletesStart('Contact');
    const response = await nango.get<Contact[]>({ endpoint: '/contacts', retries: 10, retryOn: [429] });
    await nango.batchSave(response.data, 'Contact');
    const known = await nango.getRecordsByIds<string, Contact>(['1'], 'Contact');
    await nango.batchDelete(Array.from(known.values()), 'Contact');
    await nango.trackDeletesEnd('Contact');
}
