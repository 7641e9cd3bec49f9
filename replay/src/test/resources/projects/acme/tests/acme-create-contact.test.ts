import { expect, it, describe } from 'vitest';

import runAction from '../actions/create-contact.js';

describe('acme create-contact tests', () => {
    const nangoMock = new global.vitest.NangoActionMock({
        dirname: __dirname,
        name: 'create-contact',
        Model: 'Stamp'
    });
    // (the generated assertion follows; the replay harness reimplements it)
});
