import { expect, it, describe } from 'vitest';

import runAction from '../actions/stamp.js';

describe('acme stamp tests', () => {
    const nangoMock = new global.vitest.NangoActionMock({
        dirname: __dirname,
        name: 'stamp',
        Model: 'Stamp'
    });
    // (the generated assertion follows; the replay harness reimplements it)
});
