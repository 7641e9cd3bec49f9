// zod schema for the window-time-based sync's connection metadata: where the backfill starts (set
// by the user) and the progress the sync writes back.
import { z } from 'zod';

// Any date `new Date` understands ("2024-01-01", "2024-01-01T00:00:00Z", "January 1, 2024"...),
// converted to a Date, so users can write the format they prefer.
const date = z
    .string()
    .refine((value) => !Number.isNaN(new Date(value).getTime()), 'must be a date, e.g. 2024-01-01')
    .transform((value) => new Date(value));

export const zendeskBackfillSchema = z.object({
    backfillFrom: date,
    backfillUntil: date.optional(),
    nextWindowStart: date.optional(),
    backfillComplete: z.boolean().optional()
});
