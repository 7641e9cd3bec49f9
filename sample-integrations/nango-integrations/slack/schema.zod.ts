// zod schema for the get-users action's input.
import { z } from 'zod';

// Slack user ids: U or W followed by upper-case letters and digits (U012AB3CD, W0123ABC).
const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,20}$/, 'must be a Slack user id such as U012AB3CD');

export const slackUserIdsSchema = z.object({
    ids: z.array(slackUserId).min(1, 'must list at least one user id').max(100, 'must list at most 100 user ids')
});
