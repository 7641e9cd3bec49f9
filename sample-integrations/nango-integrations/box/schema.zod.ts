// zod schema for the selection-based sync's connection metadata: the Box ids a user picked.
import { z } from 'zod';

// Box file and folder ids are decimal numbers sent as strings ("0" is the root folder). Checking
// them here means they can go into a URL path as they are.
const boxId = z.string().regex(/^\d{1,20}$/, 'must be a Box id (digits only)');

export const boxSelectionSchema = z
    .object({
        folders: z.array(boxId).default([]),
        files: z.array(boxId).default([])
    })
    .refine((selection) => selection.folders.length + selection.files.length > 0, 'must select at least one file or folder');
