import type { BoxDocument } from '../../models';
import type { BoxFile } from '../types';

// ⑧ A Box file → `BoxDocument`. The path is built from `path_collection` (the file's ancestors,
//    root first) without Box's "All Files" root, so it reads like a path on disk.
export function toBoxDocument(file: BoxFile): BoxDocument {
    const folders = file.path_collection.entries.filter((folder) => folder.id !== '0').map((folder) => folder.name);
    const parent = file.path_collection.entries[file.path_collection.entries.length - 1];
    return {
        id: file.id,
        name: file.name,
        path: `/${[...folders, file.name].join('/')}`,
        folder_id: parent?.id ?? '0',
        size: file.size,
        sha1: file.sha1,
        modified_at: new Date(file.modified_at).toISOString(),
        ...(file.shared_link?.download_url ? { download_url: file.shared_link.download_url } : {})
    };
}
