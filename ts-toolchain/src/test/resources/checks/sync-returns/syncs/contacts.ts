import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<number> {
    const contacts: Contact[] = [{ id: '1', name: 'Ada' }];
    await nango.batchSave(contacts, 'Contact');
    return contacts.length;
}
