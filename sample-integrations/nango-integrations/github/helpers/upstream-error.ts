import type { GithubErrorResponse } from '../types';

/** The HTTP status and body of a failed proxy call, read from the Axios-shaped error Nango throws. */
export interface UpstreamError {
    status: number;
    data: unknown;
}

/**
 * Reads `error.response.status` and `error.response.data` from whatever was thrown. Returns
 * undefined when it is not an HTTP error with a response (a network failure, a bug). Narrowing
 * with `in` and `typeof` keeps it free of type casts.
 */
export function readUpstreamError(error: unknown): UpstreamError | undefined {
    if (typeof error !== 'object' || error === null || !('response' in error)) {
        return undefined;
    }
    const response = error.response;
    if (typeof response !== 'object' || response === null || !('status' in response) || typeof response.status !== 'number') {
        return undefined;
    }
    return { status: response.status, data: 'data' in response ? response.data : undefined };
}

/** True when a response body has GitHub's error shape: `{ message, errors?, documentation_url? }`. */
export function isGithubErrorResponse(data: unknown): data is GithubErrorResponse {
    return typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string';
}

/**
 * GitHub's explanation in one line: the detailed `errors[].message` (or `field` + `code`) when
 * there are some, else the top-level `message` ("Validation Failed", "Not Found").
 */
export function describeGithubError(data: unknown): string {
    if (!isGithubErrorResponse(data)) {
        return 'no explanation in the response body';
    }
    const details = (data.errors ?? []).map((detail) => detail.message ?? `${detail.field ?? detail.resource} is ${detail.code}`);
    return details.length > 0 ? details.join('; ') : data.message;
}
