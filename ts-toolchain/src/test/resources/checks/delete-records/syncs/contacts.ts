import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const contacts: Contact[] = [{ id: '1', name: 'Ada' }];
    await nango.deleteRecordsFromPreviousExecutions('Contact');
    await nango.batchSave(contacts, 'Contact');
    await nango.deleteRecordsFromPreviousExecutions('Contact');
}
