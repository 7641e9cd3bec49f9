import type { NangoAction, ProxyConfiguration, ContactList, ListContacts } from '../../models';

export default async function runAction(nango: NangoAction, input: ListContacts): Promise<ContactList> {
    const config: ProxyConfiguration = {
        // https://developer.acme.test/docs/contacts#list
        endpoint: '/v1/contacts',
        params: input.cursor ? { cursor: input.cursor } : {},
        retries: 3
    };
    const response = await nango.get<{ contacts: { id: string; name: string }[] }>(config);
    return { contacts: response.data.contacts.map((c) => ({ id: c.id, name: c.name, status: 'active' as const })) };
}
