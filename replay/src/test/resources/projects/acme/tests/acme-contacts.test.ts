import { vi, expect, it, describe } from 'vitest';

import fetchData from '../syncs/contacts.js';

describe('acme contacts tests', () => {
    const nangoMock = new global.vitest.NangoSyncMock({
        dirname: __dirname,
        name: 'contacts',
        Model: 'Contact'
    });
    // (the generated assertions follow; the replay harness reimplements them)
});
