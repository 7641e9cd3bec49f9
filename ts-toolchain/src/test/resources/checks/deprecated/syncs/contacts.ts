import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const mapping = await nango.getFieldMapping();
    await nango.setFieldMapping({ name: String(mapping['name']) });
    const contacts: Contact[] = [{ id: '1', name: 'Ada' }];
    await nango.batchSend(contacts, 'Contact');
}
