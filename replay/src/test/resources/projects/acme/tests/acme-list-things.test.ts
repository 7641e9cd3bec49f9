import { expect, it, describe } from 'vitest';

import runAction from '../actions/list-things.js';

describe('acme list-things tests', () => {
    const nangoMock = new global.vitest.NangoActionMock({
        dirname: __dirname,
        name: 'list-things',
        Model: 'Stamp'
    });
    // (the generated assertion follows; the replay harness reimplements it)
});
