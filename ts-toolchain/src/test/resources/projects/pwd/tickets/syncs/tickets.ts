import type { NangoSync, Ticket } from '../../models.js';
import { PAGE_SIZE } from '../helpers/paging.js';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const res = await nango.get({ endpoint: '/tickets', params: { limit: PAGE_SIZE } });
    const tickets: Ticket[] = res.data.map((t: any) => ({ id: String(t.id), subject: t.subject }));
    await nango.batchSave(tickets, 'Ticket');
}
