// ---------------------------
// Laid out like the models.ts that `nango generate` (Nango v0.69.22) writes from nango.yaml
// It's recommended to version this file
// https://nango.dev
// ---------------------------

// ------ Models
export interface GithubRepoMetadata {
  owner: string;
  repo: string;
};

export interface PullRequest {
  id: string;
  number: number;
  title: string;
  state: 'open' | 'closed' | 'merged';
  author: string;
  url: string;
  created_at: string;
  updated_at: string;
  merged_at?: string | undefined;
  draft: boolean;
  head: string;
  base: string;
  labels: string[];
};

export interface CreatePullRequestInput {
  owner: string;
  repo: string;
  title: string;
  head: string;
  base: string;
  body?: string | undefined;
  draft?: boolean | undefined;
};

export interface HubspotObjectFields {
  object: 'contacts' | 'companies' | 'deals';
  fields: string[];
};

export interface HubspotFieldSelection {
  objects: HubspotObjectFields[];
};

export interface CrmFieldValues {
  [key: string]: string | null;
};

export interface CrmRecord {
  id: string;
  object: 'contacts' | 'companies' | 'deals';
  hubspot_id: string;
  created_at: string;
  updated_at: string;
  fields: CrmFieldValues;
};

export interface HubspotObjectInput {
  object: 'contacts' | 'companies' | 'deals';
};

export interface CrmFieldOption {
  value: string;
  label: string;
};

export interface CrmField {
  name: string;
  label: string;
  type: string;
  group: string;
  read_only: boolean;
  description?: string | undefined;
  options: CrmFieldOption[];
};

export interface CrmFieldList {
  object: 'contacts' | 'companies' | 'deals';
  fields: CrmField[];
};

export interface BoxSelection {
  folders: string[];
  files: string[];
};

export interface BoxDocument {
  id: string;
  name: string;
  path: string;
  folder_id: string;
  size: number;
  sha1: string;
  modified_at: string;
  download_url?: string | undefined;
};

export interface ZendeskBackfill {
  backfillFrom: string;
  backfillUntil?: string | undefined;
  nextWindowStart?: string | undefined;
  backfillComplete?: boolean | undefined;
};

export interface SupportTicket {
  id: string;
  subject: string;
  description: string;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  priority?: 'urgent' | 'high' | 'normal' | 'low' | undefined;
  type?: 'problem' | 'incident' | 'question' | 'task' | undefined;
  requester_id: string;
  assignee_id?: string | undefined;
  tags: string[];
  created_at: string;
  updated_at: string;
};

export interface SlackUser {
  id: string;
  name: string;
  real_name?: string | undefined;
  display_name?: string | undefined;
  email?: string | undefined;
  title?: string | undefined;
  timezone?: string | undefined;
  is_admin: boolean;
  is_bot: boolean;
  deleted: boolean;
  updated_at: string;
};

export interface SlackUserIds {
  ids: string[];
};

export interface SlackUsers {
  users: SlackUser[];
  not_found: string[];
};

export interface PipedriveActivitiesMetadata {
  maxRuntimeMs?: number | undefined;
  passStartedAt?: string | null | undefined;
  passUpdatedSince?: string | null | undefined;
  cursor?: string | null | undefined;
  passSaved?: number | null | undefined;
  lastPassStartedAt?: string | undefined;
};

export interface CrmActivity {
  id: string;
  subject: string;
  type: string;
  done: boolean;
  owner_id: string;
  deal_id?: string | undefined;
  person_id?: string | undefined;
  org_id?: string | undefined;
  due_date?: string | undefined;
  due_time?: string | undefined;
  duration?: string | undefined;
  note?: string | undefined;
  created_at: string;
  updated_at: string;
};
// ------ /Models

// ------ SDK

// Nango pastes the whole runner SDK declaration file (models.d.ts, ~450 lines) here. This sample
// keeps only the members its scripts use, with the same names and shapes, so that `tsc` can check
// the scripts without the `nango` package installed. Like the rest of this file it is type-only:
// the bundler erases every import of it.

import type { SafeParseSuccess, ZodSchema } from 'zod';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type Metadata = Record<string, unknown>;

/** The `_nango_metadata` Nango adds to every stored record (getRecordsByIds returns it). */
export interface RecordMetadata {
  first_seen_at: string;
  last_modified_at: string;
  last_action: 'ADDED' | 'UPDATED' | 'DELETED';
  deleted_at: string | null;
  cursor: string;
}

/** A stored record as getRecordsByIds returns it: the model plus its `_nango_metadata`. */
export type SyncedRecord<T> = T & { _nango_metadata: RecordMetadata };

export interface MetadataChangeResponse {
  metadata: Metadata;
  provider_config_key: string;
  connection_id: string | string[];
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface Pagination {
  type: string;
  limit?: number | string;
  response_path?: string;
  limit_name_in_request: string;
  in_body?: boolean;
  on_page?: (paginationState: { nextPageParam?: string | number | undefined; response: AxiosResponse }) => Promise<void>;
}

export interface CursorPagination extends Pagination {
  type: 'cursor';
  cursor_path_in_response: string;
  cursor_name_in_request: string;
}

export interface LinkPagination extends Pagination {
  type: 'link';
  link_rel_in_response_header?: string;
  link_path_in_response_body?: string;
}

export interface OffsetPagination extends Pagination {
  type: 'offset';
  offset_name_in_request: string;
  offset_start_value?: number;
  offset_calculation_method?: 'per-page' | 'by-response-size';
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
  baseUrlOverride?: string;
  paginate?: Partial<CursorPagination> | Partial<LinkPagination> | Partial<OffsetPagination>;
  responseType?: 'arraybuffer' | 'blob' | 'document' | 'json' | 'text' | 'stream';
}

/** The Axios response every proxy call resolves to (Nango's models.d.ts imports it from axios). */
export interface AxiosResponse<T = any> {
  data: T;
  status: number;
  statusText: string;
  headers: Record<string, string | string[] | undefined>;
}

export declare class ActionError<T = Record<string, unknown>> extends Error {
  type: string;
  payload?: T;
  constructor(payload?: T);
}

export declare class NangoAction {
  connectionId: string;
  providerConfigKey: string;
  ActionError: typeof ActionError;
  proxy<T = any>(config: ProxyConfiguration): Promise<AxiosResponse<T>>;
  get<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<AxiosResponse<T>>;
  post<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<AxiosResponse<T>>;
  put<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<AxiosResponse<T>>;
  patch<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<AxiosResponse<T>>;
  delete<T = any>(config: Omit<ProxyConfiguration, 'method'>): Promise<AxiosResponse<T>>;
  paginate<T = any>(config: ProxyConfiguration): AsyncGenerator<T[], undefined, void>;
  getMetadata<T = Metadata>(): Promise<T>;
  setMetadata(metadata: Metadata): Promise<AxiosResponse<MetadataChangeResponse>>;
  updateMetadata(metadata: Metadata): Promise<AxiosResponse<MetadataChangeResponse>>;
  log(message: any, options?: { level?: LogLevel }): Promise<void>;
  zodValidateInput<T = any, Z = any>(args: { zodSchema: ZodSchema<Z>; input: T }): Promise<SafeParseSuccess<Z>>;
  // Beyond Nango, whose runner gives getRecordsByIds to syncs only: nango-jvm also lets an action
  // read the records its integration's syncs saved (the "action leveraging sync responses" pattern).
  getRecordsByIds<K = string | number, T = any>(ids: K[], model: string): Promise<Map<K, T>>;
}

export declare class NangoSync extends NangoAction {
  lastSyncDate?: Date;
  batchSave<T = any>(results: T[], model: string): Promise<boolean | null>;
  batchUpdate<T = any>(results: T[], model: string): Promise<boolean | null>;
  batchDelete<T = any>(results: T[], model: string): Promise<boolean | null>;
  getRecordsByIds<K = string | number, T = any>(ids: K[], model: string): Promise<Map<K, T>>;
}

// ------ /SDK

// The generated file ends with a `NangoFlows` constant (the parsed nango.yaml as JSON). No script
// reads it, so this sample leaves it out.
