// Raw Box API shapes (only the fields this integration asks for with `fields=`), prefixed with
// `Box` so they never clash with the models generated from nango.yaml.

// https://developer.box.com/reference/resources/folder--mini/
export interface BoxFolderMini {
    type: 'folder';
    id: string;
    name: string;
}

// https://developer.box.com/reference/resources/file/ (with fields=name,size,sha1,modified_at,path_collection,shared_link)
export interface BoxFile {
    type: 'file';
    id: string;
    etag: string;
    name: string;
    size: number;
    sha1: string;
    modified_at: string;
    path_collection: {
        total_count: number;
        entries: BoxFolderMini[];
    };
    // null when the file has no shared link.
    shared_link: BoxSharedLink | null;
}

// https://developer.box.com/reference/resources/folder/ (as a folder's items list it, with the same fields)
export interface BoxFolder {
    type: 'folder';
    id: string;
    etag: string;
    name: string;
}

// https://developer.box.com/reference/resources/web-link/ (bookmarks: not files, never synced)
export interface BoxWebLink {
    type: 'web_link';
    id: string;
    etag: string;
    name: string;
}

// https://developer.box.com/reference/get-folders-id-items/ (one item of `entries`)
export type BoxItem = BoxFile | BoxFolder | BoxWebLink;

export interface BoxSharedLink {
    url: string;
    // null when the link's permissions do not allow downloads.
    download_url: string | null;
}
