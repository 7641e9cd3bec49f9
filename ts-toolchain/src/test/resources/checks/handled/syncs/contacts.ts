import type { NangoSync, Contact } from '../../models';

export default async function fetchData(nango: NangoSync): Promise<void> {
    await nango.log('awaited');
    const ids = ['1', '2'];
    const responses = await Promise.all(ids.map((id) => nango.get<Contact>({ endpoint: `/contacts/${id}`, retries: 10 })));
    const contacts = responses.map((response: { data: Contact }) => {
        return response.data;
    });
    await nango.getMetadata().then((metadata) => nango.log(metadata));
    nango.getConnection().then(() => undefined).catch(() => undefined);
    await save(nango, contacts);
    if (contacts.length === 0) {
        return;
    }
}

function save(nango: NangoSync, contacts: Contact[]): Promise<boolean | null> {
    return nango.batchSave(contacts, 'Contact');
}
