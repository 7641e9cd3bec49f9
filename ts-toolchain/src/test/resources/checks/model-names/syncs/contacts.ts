import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const contacts: Contact[] = [{ id: '1', name: 'Ada' }];
    await nango.batchSave(contacts, 'Contacts');
    await nango.getRecordsByIds(['1'], 'Person');
}
