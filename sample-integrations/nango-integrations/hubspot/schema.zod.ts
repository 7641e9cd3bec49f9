// zod schemas for what the HubSpot scripts receive from outside: the connection metadata of the
// sync and the input of the action. One `<model>Schema` per model of nango.yaml.
import { z } from 'zod';

// The CRM object types this integration knows. Each needs its own read scopes (see nango.yaml).
export const hubspotObjectTypeSchema = z.enum(['contacts', 'companies', 'deals']);

// A property's internal name, as HubSpot shows it in Settings → Properties: lower-case letters,
// digits and underscores. Checking it here keeps commas and spaces out of the `properties` query.
const propertyName = z.string().regex(/^[a-z0-9_]{1,100}$/, 'must be a HubSpot property internal name (lower-case letters, digits and _)');

export const hubspotObjectFieldsSchema = z.object({
    object: hubspotObjectTypeSchema,
    fields: z.array(propertyName).min(1, 'must name at least one property')
});

export const hubspotFieldSelectionSchema = z.object({
    objects: z
        .array(hubspotObjectFieldsSchema)
        .min(1, 'must configure at least one object')
        .refine((objects) => new Set(objects.map((entry) => entry.object)).size === objects.length, 'must configure each object at most once')
});

export const hubspotObjectInputSchema = z.object({
    object: hubspotObjectTypeSchema
});
