import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    await nango.trackDeletesStart('Contact');
    const contacts: Contact[] = [{ id: '1', name: 'Ada' }];
    await nango.batchSave(contacts, 'Contact');
    await nango.trackDeletesEnd('Deal');
}
