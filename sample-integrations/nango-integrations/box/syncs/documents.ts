import type { BoxDocument, NangoSync, ProxyConfiguration } from '../../models';
import type { BoxFile, BoxFolder, BoxItem } from '../types';
import { toBoxDocument } from '../mappers/to-document.js';
import { RecordBatch } from '../helpers/record-batch.js';
import { unlessNotFound } from '../helpers/unless-not-found.js';
import { boxSelectionSchema } from '../schema.zod.js';

// ① The sync entry point, first in the file. It copies only what the user selected: whole folders
//    (with every subfolder) and single files, both listed in the connection metadata.
export default async function fetchData(nango: NangoSync): Promise<void> {
    // ② `{ folders: string[], files: string[] }`, validated with zod; an empty selection is an error.
    const metadata = boxSelectionSchema.safeParse(await nango.getMetadata());
    if (!metadata.success) {
        throw new Error(
            `box/documents (connection ${nango.connectionId}): the connection metadata must be { folders: string[], files: string[] } with at least one Box id, but ` +
                `${metadata.error.issues.map((issue) => `${issue.path.join('.') || 'metadata'}: ${issue.message}`).join('; ')}.`
        );
    }
    const { folders, files } = metadata.data;
    const batch = new RecordBatch<BoxDocument>(nango, 'BoxDocument', BATCH_SIZE);
    const walked = new Set<string>();

    // ③ Folders first: each selected folder is walked down to its deepest subfolder.
    for (const folderId of folders) {
        const folder = await unlessNotFound(() => getFolder(nango, folderId));
        if (!folder) {
            await nango.log(`Selected folder ${folderId} was not found (deleted, trashed or not shared with this user): skipped.`, { level: 'warn' });
            continue;
        }
        await walkFolder(nango, folder.id, batch, walked);
    }

    // ④ Then the single files, unless a selected folder already held them.
    for (const fileId of files) {
        if (batch.has(fileId)) {
            continue;
        }
        const file = await unlessNotFound(() => getFile(nango, fileId));
        if (!file) {
            await nango.log(`Selected file ${fileId} was not found (deleted, trashed or not shared with this user): skipped.`, { level: 'warn' });
            continue;
        }
        await batch.add(toBoxDocument(file));
    }

    await batch.flush();
    await nango.log(`Saved ${batch.saved} file(s) from ${walked.size} folder(s) and ${files.length} selected file(s).`);
}

/**
 * ⑤ Lists one folder page by page (Box's marker pagination, up to 1,000 items a page), adds its
 *    files to the batch and notes its subfolders; then walks each subfolder the same way. A folder
 *    is finished before the next one starts, so only one listing is ever open. `walked` keeps a
 *    folder that was selected and also lies inside another selected folder from being read twice.
 */
async function walkFolder(nango: NangoSync, folderId: string, batch: RecordBatch<BoxDocument>, walked: Set<string>): Promise<void> {
    if (walked.has(folderId)) {
        return;
    }
    walked.add(folderId);

    const proxyConfig: ProxyConfiguration = {
        // https://developer.box.com/reference/get-folders-id-items/
        endpoint: `/2.0/folders/${folderId}/items`,
        params: { fields: FILE_FIELDS, usemarker: 'true' },
        paginate: {
            type: 'cursor',
            cursor_path_in_response: 'next_marker',
            cursor_name_in_request: 'marker',
            limit_name_in_request: 'limit',
            limit: 1000,
            response_path: 'entries'
        },
        retries: 10
    };

    const subfolders: string[] = [];
    for await (const page of nango.paginate<BoxItem>(proxyConfig)) {
        for (const item of page) {
            if (item.type === 'folder') {
                subfolders.push(item.id);
            } else if (item.type === 'file') {
                await batch.add(toBoxDocument(item));
            }
            // Web links are bookmarks, not files: nothing to sync.
        }
    }

    for (const subfolder of subfolders) {
        await walkFolder(nango, subfolder, batch, walked);
    }
}

async function getFolder(nango: NangoSync, folderId: string): Promise<BoxFolder> {
    const proxyConfig: ProxyConfiguration = {
        // https://developer.box.com/reference/get-folders-id/
        endpoint: `/2.0/folders/${folderId}`,
        params: { fields: 'name' },
        retries: 10
    };
    const response = await nango.get<BoxFolder>(proxyConfig);
    return response.data;
}

async function getFile(nango: NangoSync, fileId: string): Promise<BoxFile> {
    const proxyConfig: ProxyConfiguration = {
        // https://developer.box.com/reference/get-files-id/
        endpoint: `/2.0/files/${fileId}`,
        params: { fields: FILE_FIELDS },
        retries: 10
    };
    const response = await nango.get<BoxFile>(proxyConfig);
    return response.data;
}

// What BoxDocument needs; Box returns only the fields asked for (plus type, id and etag).
const FILE_FIELDS = 'name,size,sha1,modified_at,path_collection,shared_link';

// Records per batchSave call.
const BATCH_SIZE = 100;
