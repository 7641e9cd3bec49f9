import type { NangoSync, Contact } from '../../models';

export async function saveAll(nango: NangoSync, contacts: Contact[]): Promise<void> {
    nango.batchSave(contacts, 'Contact');
}
