export default async function fetchData(nango: any): Promise<void> {
    await nango.batchSave([{ id: '1' }], 'Contact');
}
