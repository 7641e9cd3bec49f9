import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const contacts: Contact[] = [{ id: '1', name: 'Ada' }];
    await nango.batchSave(contacts, 'Contact');
    await nango.trackDeletesEnd('Contact');
    await nango.trackDeletesStart('Contact');
    await nango.batchSave(contacts, 'Contact');
}
