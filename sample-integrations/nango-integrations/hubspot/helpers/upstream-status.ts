/** The HTTP status of a failed proxy call (the Axios-shaped error Nango throws), or undefined. */
export function readUpstreamStatus(error: unknown): number | undefined {
    if (typeof error !== 'object' || error === null || !('response' in error)) {
        return undefined;
    }
    const response = error.response;
    if (typeof response !== 'object' || response === null || !('status' in response) || typeof response.status !== 'number') {
        return undefined;
    }
    return response.status;
}
