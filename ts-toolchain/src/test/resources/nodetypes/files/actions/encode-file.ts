import type { NangoAction, FileInput, EncodedFile } from '../../models';

// Node's globals have types, as with the @types/node installed next to Nango's CLI.
export default async function runAction(nango: NangoAction, input: FileInput): Promise<EncodedFile> {
    const region = process.env['FILES_REGION'] ?? 'eu';
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
    const bytes: Buffer = Buffer.from(input.content, 'utf8');
    await nango.log(`encoding ${bytes.byteLength} bytes in ${region}`);
    return { base64: bytes.toString('base64') };
}
