import type { NangoAction } from '../../models.js';
import _ from 'lodash';
import { helper } from '../helpers/missing.js';

export default async function runAction(nango: NangoAction): Promise<unknown> {
    return _.identity(helper());
}
