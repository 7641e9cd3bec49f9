// A hand-written test with its own mock class: not replayable, left out.
import { it } from 'vitest';
it('paginates', () => {});
