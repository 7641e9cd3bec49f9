// zod schema for the extended sync's connection metadata. Every field is optional: the user may
// set `maxRuntimeMs`, the sync writes the rest (its progress) and reads it back.
import { z } from 'zod';

const timestamp = z.string().refine((value) => !Number.isNaN(new Date(value).getTime()), 'must be an ISO 8601 date-time');

export const pipedriveActivitiesMetadataSchema = z.object({
    maxRuntimeMs: z.number().int().positive().nullish(),
    passStartedAt: timestamp.nullish(),
    passUpdatedSince: timestamp.nullish(),
    cursor: z.string().min(1).nullish(),
    passSaved: z.number().int().nonnegative().nullish(),
    lastPassStartedAt: timestamp.nullish()
});
