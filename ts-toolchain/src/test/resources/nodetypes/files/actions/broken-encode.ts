import type { NangoAction, FileInput, EncodedFile } from '../../models';

export default async function runAction(_nango: NangoAction, input: FileInput): Promise<EncodedFile> {
    // a Buffer is not a string
    const base64: string = Buffer.from(input.content);
    // no DOM: ts-node's lib is es2021
    const title = document.title;
    return { base64: base64 + title };
}
