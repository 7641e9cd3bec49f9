import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    nango.log('starting');
    const contacts: Contact[] = [{ id: '1', name: 'Ada' }];
    void nango.batchSave(contacts, 'Contact');
    const unused = 1;
    await nango.batchSave(contacts, 'Contact');
}
