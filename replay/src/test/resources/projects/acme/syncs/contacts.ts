import type { NangoSync, Contact } from '../../models.js';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const config = { endpoint: '/v1/contacts', params: { fields: 'name,email', since: undefined }, paginate: { limit: 2 } };
    for await (const page of nango.paginate<any>(config)) {
        const live: Contact[] = page
            .filter((c: any) => !c.archived)
            .map((c: any) => ({ id: String(c.id), name: c.name, email: c.email ?? undefined, createdAt: new Date(c.created) as any }));
        await nango.batchSave(live, 'Contact');
        const gone = page.filter((c: any) => c.archived).map((c: any) => ({ id: String(c.id) }));
        if (gone.length) {
            await nango.batchDelete(gone, 'Contact');
        }
    }
}
