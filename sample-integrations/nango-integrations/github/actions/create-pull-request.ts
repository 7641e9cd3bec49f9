import type { CreatePullRequestInput, NangoAction, ProxyConfiguration, PullRequest } from '../../models';
import type { GithubCreatePullRequestBody, GithubPullRequest } from '../types';
import { toPullRequest } from '../mappers/to-pull-request.js';
import { createPullRequestInputSchema } from '../schema.zod.js';
import { describeGithubError, readUpstreamError } from '../helpers/upstream-error.js';

// ⑨ The action entry point: `runAction`, the default export, first thing in the file. It returns
//    one object (the created pull request), never an array.
export default async function runAction(nango: NangoAction, input: CreatePullRequestInput): Promise<PullRequest> {
    // ⑩ Validate the input with zod through Nango's helper: on bad input it logs every issue and
    //    throws an ActionError, so no request is made. `data` is the parsed input (title trimmed,
    //    unknown keys dropped).
    const { data: valid } = await nango.zodValidateInput({ zodSchema: createPullRequestInputSchema, input });
    const { owner, repo, ...pullRequest } = valid;
    const body: GithubCreatePullRequestBody = pullRequest;

    // ⑪ A typed ProxyConfiguration again, with the 3 retries an action uses.
    const proxyConfig: ProxyConfiguration = {
        // https://docs.github.com/en/rest/pulls/pulls#create-a-pull-request
        endpoint: `/repos/${owner}/${repo}/pulls`,
        data: body,
        retries: 3
    };

    try {
        const response = await nango.post<GithubPullRequest>(proxyConfig);
        return toPullRequest(response.data);
    } catch (error) {
        // ⑫ Turn the two refusals a caller can act on into an ActionError with the details;
        //    anything else (rate limit after the retries, 5xx, network) is rethrown as it is and
        //    Nango reports it with the upstream status.
        const upstream = readUpstreamError(error);
        if (upstream?.status === 422) {
            throw new nango.ActionError({
                message: `GitHub refused to open a pull request from ${body.head} into ${body.base} in ${owner}/${repo}: ${describeGithubError(upstream.data)}`,
                status: 422,
                owner,
                repo,
                head: body.head,
                base: body.base,
                github: upstream.data
            });
        }
        if (upstream?.status === 404) {
            throw new nango.ActionError({
                message: `Repository ${owner}/${repo} was not found, or the connection's token cannot see it (a private repository needs the repo scope).`,
                status: 404,
                owner,
                repo,
                github: upstream.data
            });
        }
        throw error;
    }
}
