import type { NangoSync, Contact } from '../../models';
import { saveAll } from '../helpers/save.js';

export default async function fetchData(nango: NangoSync): Promise<void> {
    const contacts: Contact[] = [{ id: '1', name: 'Ada' }];
    await saveAll(nango, contacts);
}
