export function contactId(raw: { id: number }): string {
    const id: string = raw.id;
    return id;
}
