import type { NangoAction } from '../../models';

export default async function onEvent(nango: NangoAction): Promise<void> {
    await nango.setMetadata({ ready: true });
}
