import type { NangoSync, Contact } from '../../models';
import { contactId } from '../helpers/ids.js';

export default async function fetchData(nango: NangoSync): Promise<void> {
    for await (const page of nango.paginate<{ id: number; name: string }>({ endpoint: '/contacts', retries: 10 })) {
        const contacts: Contact[] = page.map((c) => ({ id: contactId(c), name: c.name }));
        await nango.batchSave(contacts, 'Contact');
    }
}
