import type { NangoAction, Contact, CreateContact } from '../../models';

export default async function runAction(nango: NangoAction, input: CreateContact): Promise<Contact> {
    const unused = 1;
    const response = await nango.delete<Contact>({ endpoint: `/contacts/${input.name}`, retries: 3 });
    return response.data.missing;
}
