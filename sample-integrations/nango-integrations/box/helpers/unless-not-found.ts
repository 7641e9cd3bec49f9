/**
 * ⑥ Runs one request for one selected item and returns undefined instead of throwing when Box
 *    answers 404: the item was deleted, moved to the trash, or the connection's user lost access.
 *    Every other failure (rate limit after the retries, 5xx, 401) is rethrown and fails the run:
 *    skipping an item that merely could not be read would make the full sync delete its records.
 */
export async function unlessNotFound<T>(request: () => Promise<T>): Promise<T | undefined> {
    try {
        return await request();
    } catch (error) {
        if (isNotFound(error)) {
            return undefined;
        }
        throw error;
    }
}

function isNotFound(error: unknown): boolean {
    if (typeof error !== 'object' || error === null || !('response' in error)) {
        return false;
    }
    const response = error.response;
    return typeof response === 'object' && response !== null && 'status' in response && response.status === 404;
}
