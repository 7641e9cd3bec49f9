export default async function runAction(nango: any): Promise<string> {
    return 'ok';
}
