import type { NangoAction, NangoSync, Contact } from '../../models';

export function store(nango: NangoAction, contact: Contact): Promise<boolean | null> {
    return (nango as NangoSync).batchSave([contact], 'Contact');
}

export async function storeAgain(nango: NangoSync, contact: Contact): Promise<void> {
    await nango.batchUpdate([contact], 'Contact');
}
