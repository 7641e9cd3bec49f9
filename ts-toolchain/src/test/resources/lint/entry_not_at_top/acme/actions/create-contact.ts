import type { NangoAction, ProxyConfiguration, Contact, CreateContact } from '../../models';

function requireName(name: string): string {
    return name.trim();
}

export default async function runAction(nango: NangoAction, input: CreateContact): Promise<Contact> {
    if (!input.name) {
        throw new nango.ActionError({ message: 'name is required' });
    }
    const config: ProxyConfiguration = {
        // https://developer.acme.test/docs/contacts#create
        endpoint: '/v1/contacts',
        data: { name: requireName(input.name) },
        retries: 3
    };
    const response = await nango.post<{ id: string; name: string }>(config);
    return { id: response.data.id, name: response.data.name, status: 'active' };
}
