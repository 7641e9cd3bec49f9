// zod schemas for the models that scripts receive from outside (connection metadata, action input).
// Written by hand in the style the integration-templates generate with ts-to-zod: one
// `<model>Schema` per model of nango.yaml, `import { z } from 'zod'`.
import { z } from 'zod';

// GitHub's own rules for the two path segments: an owner is letters, digits and single hyphens;
// a repository name also allows `.` and `_`. Checking them here means they can go into a URL
// path as they are.
const ownerName = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'must be a GitHub user or organisation login');
const repoName = z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be a GitHub repository name')
    .refine((name) => name !== '.' && name !== '..', 'must be a GitHub repository name');

export const githubRepoMetadataSchema = z.object({
    owner: ownerName,
    repo: repoName
});

export const createPullRequestInputSchema = z.object({
    owner: ownerName,
    repo: repoName,
    title: z.string().trim().min(1, 'must not be empty'),
    // A branch of `repo`, or `user:branch` for a branch of a fork.
    head: z.string().min(1, 'must not be empty'),
    base: z.string().min(1, 'must not be empty'),
    body: z.string().optional(),
    draft: z.boolean().optional()
});
