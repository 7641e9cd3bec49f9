/** The first instant of the month after `date` (UTC), i.e. where a monthly window ends. */
export function startOfNextMonth(date: Date): Date {
    return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
}

/** The earlier of two dates. */
export function earliest(a: Date, b: Date): Date {
    return a.getTime() <= b.getTime() ? a : b;
}

/** `date` cut to whole seconds, the precision of Zendesk's timestamps and search. */
export function toWholeSeconds(date: Date): Date {
    return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** ISO 8601 without milliseconds: the date-time form Zendesk's search language accepts. */
export function searchTime(date: Date): string {
    return toWholeSeconds(date).toISOString().replace('.000Z', 'Z');
}
