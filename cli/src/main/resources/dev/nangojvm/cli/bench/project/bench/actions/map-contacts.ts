import type { MapInput, MapResult, NangoAction } from '../../models';
import { rawContact, toContact } from '../mappers/to-contact.js';

export default async function runAction(_nango: NangoAction, input: MapInput): Promise<MapResult> {
    let checksum = 0;
    for (let i = 0; i < input.count; i++) {
        const contact = toContact(rawContact(i));
        checksum = (checksum + contact.fullName.length + contact.tags.length + contact.score) % 1_000_000_007;
    }
    return { count: input.count, checksum: Math.round(checksum) };
}
