import type { Contact } from '../../models';

export function toContact(raw: { id: string; name: string }): Contact {
    return { id: raw.id, name: raw.name, status: 'active' };
}
