import type { NangoAction, Contact, CreateContact } from '../../models';
import { contactId } from '../helpers/ids.js';

export default async function runAction(nango: NangoAction, input: CreateContact): Promise<Contact> {
    const response = await nango.post<{ id: number }>({ endpoint: '/contacts', data: input, retries: 3 });
    return { id: contactId(response.data), name: input.name };
}
