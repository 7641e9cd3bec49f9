import type { NangoAction, Contact } from '../../models';
import { first } from 'lodash';

export default async function runAction(nango: NangoAction): Promise<Contact> {
    const response = await nango.get<Contact[]>({ endpoint: '/contacts', retries: 3 });
    return first(response.data) ?? { id: '', name: '' };
}
