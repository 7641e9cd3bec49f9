import type { Contact } from '../../models';
import type { BenchRawContact } from '../types';

// The kind of work real mappers do: trimming, templates, case changes, splitting, dates, numbers, regexes.
export function toContact(raw: BenchRawContact): Contact {
    const fullName = `${raw.first_name.trim()} ${raw.last_name.trim()}`.replace(/\s+/g, ' ');
    const email = (raw.email ?? `${raw.first_name}.${raw.last_name}@example.com`).toLowerCase();
    const tags = raw.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0);
    const contact: Contact = {
        id: String(raw.id),
        email,
        fullName,
        tags,
        createdAt: new Date(raw.created).toISOString(),
        score: Math.round(parseFloat(raw.score) * 100) / 100
    };
    if (raw.company?.name) {
        contact.company = raw.company.name;
    }
    return contact;
}

export function rawContact(i: number): BenchRawContact {
    return {
        id: i,
        first_name: ` First${i % 97} `,
        last_name: `Last  ${i % 89}`,
        email: i % 5 === 0 ? null : `User${i}@Example.COM`,
        company: i % 3 === 0 ? null : { name: i % 7 === 0 ? null : `Company ${i % 31}` },
        tags: `a${i % 3}, b${i % 5},,c${i % 7}`,
        created: new Date(Date.UTC(2020, i % 12, (i % 28) + 1, i % 24)).toISOString(),
        score: String((i % 1000) / 7)
    };
}
