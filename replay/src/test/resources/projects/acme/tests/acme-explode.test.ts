import { expect, it, describe } from 'vitest';

import runAction from '../actions/explode.js';

describe('acme explode tests', () => {
    const nangoMock = new global.vitest.NangoActionMock({
        dirname: __dirname,
        name: 'explode',
        Model: 'Stamp'
    });
    // (the generated assertion follows; the replay harness reimplements it)
});
