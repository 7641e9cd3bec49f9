// nango-jvm's own declarations of the script-facing `nango` SDK, written from the runtime behaviour spec.
// Used in a generated models.ts when the project has no node_modules/@nangohq/runner-sdk (Nango's CLI pastes
// its own models.d.ts here). Type-only: the bundler erases every import of it.
import type { ZodSchema, SafeParseSuccess } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'get' | 'post' | 'patch' | 'put' | 'delete';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'verbose' | 'silly' | 'http';
export type Metadata = Record<string, unknown>;

export interface Pagination {
    type: string;
    limit?: number | string;
    response_path?: string;
    limit_name_in_request: string;
    in_body?: boolean;
    on_page?: (paginationState: { nextPageParam?: string | number | undefined; response: NangoResponse<any> }) => Promise<void>;
}
export interface CursorPagination extends Pagination {
    cursor_path_in_response: string;
    cursor_name_in_request: string;
}
export interface LinkPagination extends Pagination {
    link_rel_in_response_header?: string;
    link_path_in_response_body?: string;
}
export interface OffsetPagination extends Pagination {
    offset_name_in_request: string;
    offset_start_value?: number;
    offset_calculation_method?: 'per-page' | 'by-response-size';
}

export interface RetryHeaderConfig {
    at?: string | string[];
    after?: string | string[];
}

export interface ProxyConfiguration {
    endpoint: string;
    providerConfigKey?: string;
    connectionId?: string;
    method?: HttpMethod;
    headers?: Record<string, string>;
    params?: string | Record<string, string | number>;
    data?: unknown;
    retries?: number;
    retryOn?: number[] | null;
    retryHeader?: RetryHeaderConfig;
    baseUrlOverride?: string;
    decompress?: boolean | string;
    paginate?: Partial<CursorPagination> | Partial<LinkPagination> | Partial<OffsetPagination>;
    responseType?: 'arraybuffer' | 'blob' | 'document' | 'json' | 'text' | 'stream' | undefined;
    forwardHeadersOnRedirect?: boolean;
}
export type UserProvidedProxyConfiguration = ProxyConfiguration;

/** The answer of a proxied request (an axios response). */
export interface NangoResponse<T = any> {
    data: T;
    status: number;
    statusText: string;
    headers: Record<string, any>;
    config: any;
    request?: any;
}

export declare class ActionError<T = Record<string, unknown>> extends Error {
    type: string;
    payload?: Record<string, unknown>;
    constructor(payload?: T);
}

export interface EnvironmentVariable {
    name: string;
    value: string;
}

export interface Connection {
    id: number;
    connection_id: string;
    provider_config_key: string;
    provider: string;
    created_at: string;
    updated_at: string;
    last_fetched_at?: string | null;
    connection_config: Record<string, any>;
    metadata: Record<string, any> | null;
    // permissive on purpose: the real type is a union of credential shapes that scripts narrow with `in`
    credentials: any;
    end_user?: Record<string, any> | null;
    errors?: { type: string; log_id: string }[];
    [key: string]: any;
}

export interface IntegrationWithCreds {
    unique_key: string;
    display_name?: string;
    provider: string;
    logo?: string;
    webhook_url?: string | null;
    credentials?: Record<string, any> | null;
    [key: string]: any;
}

export declare class NangoAction {
    connectionId: string;
    providerConfigKey: string;
    provider?: string;
    environmentId: number;
    environmentName?: string;
    activityLogId?: string | undefined;
    syncId?: string | undefined;
    nangoConnectionId?: number;
    syncJobId?: number | undefined;
    scriptType: 'sync' | 'action' | 'webhook' | 'on-event';
    isCLI: boolean;
    ActionError: typeof ActionError;
    proxy<T = any>(config: ProxyConfiguration): Promise<NangoResponse<T>>;
    get<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<NangoResponse<T>>;
    post<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<NangoResponse<T>>;
    put<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<NangoResponse<T>>;
    patch<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<NangoResponse<T>>;
    delete<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<NangoResponse<T>>;
    paginate<T = any>(config: ProxyConfiguration): AsyncGenerator<T[], undefined, void>;
    getToken(): Promise<string | { oAuthToken: string; oAuthTokenSecret: string } | Record<string, any>>;
    getIntegration(queries?: { include?: ('webhook' | 'credentials')[] }): Promise<IntegrationWithCreds>;
    getConnection(providerConfigKeyOverride?: string, connectionIdOverride?: string): Promise<Connection>;
    setMetadata(metadata: Metadata): Promise<NangoResponse<any>>;
    updateMetadata(metadata: Metadata): Promise<NangoResponse<any>>;
    setFieldMapping(fieldMapping: Record<string, string>): Promise<NangoResponse<any>>;
    getMetadata<T = Metadata>(): Promise<T>;
    getWebhookURL(): Promise<string | null | undefined>;
    getFieldMapping(): Promise<Metadata>;
    log(message: any, options?: { level?: LogLevel } | { [key: string]: any; level?: never }): Promise<void>;
    log(message: string, ...args: [any, { level?: LogLevel }]): Promise<void>;
    getEnvironmentVariables(): Promise<EnvironmentVariable[] | null>;
    getFlowAttributes<A = object>(): A | null;
    triggerAction<In = unknown, Out = object>(providerConfigKey: string, connectionId: string, actionName: string, input?: In): Promise<Out>;
    zodValidateInput<T = any, Z = any>({ zodSchema, input }: { zodSchema: ZodSchema<Z>; input: T }): Promise<SafeParseSuccess<Z>>;
    triggerSync(providerConfigKey: string, connectionId: string, sync: string | { name: string; variant: string }, syncMode?: unknown): Promise<void | string>;
    startSync(providerConfigKey: string, syncs: (string | { name: string; variant: string })[], connectionId?: string): Promise<void>;
    uncontrolledFetch(options: { url: URL; method?: HttpMethod; headers?: Record<string, string> | undefined; body?: string | null }): Promise<Response>;
    tryAcquireLock(props: { key: string; ttlMs: number }): Promise<boolean>;
    releaseLock(props: { key: string }): Promise<boolean>;
    releaseAllLocks(): Promise<void>;
}

export declare class NangoSync extends NangoAction {
    lastSyncDate?: Date;
    variant: string;
    track_deletes: boolean;
    batchSave<T extends object>(results: T[], model: string): Promise<boolean | null>;
    batchDelete<T extends object>(results: T[], model: string): Promise<boolean | null>;
    batchUpdate<T extends object>(results: T[], model: string): Promise<boolean | null>;
    batchSend<T extends object>(results: T[], model: string): Promise<boolean | null>;
    getRecordsByIds<K = string | number, T = any>(ids: K[], model: string): Promise<Map<K, T>>;
    setMergingStrategy(merging: { strategy: 'ignore_if_modified_after' | 'override' }, model: string): Promise<void>;
    deleteRecordsFromPreviousExecutions(model: string): Promise<{ deletedKeys: string[] }>;
    trackDeletesStart(model: string): Promise<void>;
    trackDeletesEnd(model: string): Promise<{ deletedKeys: string[] }>;
}
