import { expect, it, describe } from 'vitest';

import runAction from '../actions/token.js';

describe('acme token tests', () => {
    const nangoMock = new global.vitest.NangoActionMock({
        dirname: __dirname,
        name: 'token',
        Model: 'Stamp'
    });
    // (the generated assertion follows; the replay harness reimplements it)
});
