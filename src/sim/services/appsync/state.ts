/**
 * Plain JSON state of the simulated AppSync service: GraphQL APIs, their API keys, and one versioned
 * table per API ("Item", a shared list). Versioning follows AppSync's conflict detection on a DynamoDB
 * data source: every stored item carries `_version`, `_lastChangedAt` (epoch ms) and `_deleted`, and
 * every write is also appended to a delta table that Delta Sync reads.
 */
import { createDict } from '../../core/dict';
export const ConflictHandler = {
  OPTIMISTIC_CONCURRENCY: 'OPTIMISTIC_CONCURRENCY',
  AUTOMERGE: 'AUTOMERGE',
  LAMBDA: 'LAMBDA',
} as const;
export type ConflictHandler = (typeof ConflictHandler)[keyof typeof ConflictHandler];

export const AuthMode = {
  AMAZON_COGNITO_USER_POOLS: 'AMAZON_COGNITO_USER_POOLS',
  AWS_IAM: 'AWS_IAM',
  API_KEY: 'API_KEY',
} as const;
export type AuthMode = (typeof AuthMode)[keyof typeof AuthMode];

export interface StoredItem {
  id: string;
  text: string;
  done: boolean;
  owner: string;
  /** A GraphQL list: Automerge concatenates lists on conflict. */
  tags: string[];
  _version: number;
  _lastChangedAt: number;
  _deleted: boolean;
  /** Epoch seconds after which a tombstone is gone (DynamoDB TTL); absent for live items. */
  _ttl?: number;
}

export interface DeltaEntry {
  item: StoredItem;
  /** Epoch ms when the change was recorded; Delta Sync returns entries newer than `lastSync`. */
  at: number;
}

export interface ApiKey {
  id: string;
  /** Epoch seconds, as AppSync reports API key expiry. */
  expires: number;
}

export interface GraphqlApi {
  apiId: string;
  name: string;
  defaultAuthMode: AuthMode;
  additionalAuthModes: AuthMode[];
  /** The user pool the AMAZON_COGNITO_USER_POOLS mode trusts. */
  userPoolId: string;
  apiKeys: ApiKey[];
  conflictHandler: ConflictHandler;
  /** Minutes a delta entry is kept (DeltaSyncTableTTL); older `lastSync` values force a full sync. */
  deltaSyncTableTtlMinutes: number;
  /** Minutes a tombstone is kept (BaseTableTTL). */
  baseTableTtlMinutes: number;
  items: Record<string, StoredItem>;
  delta: DeltaEntry[];
  /** API setting `queryDepthLimit` (1–75); absent or 0: no depth limit (AppSync's default). */
  queryDepthLimit?: number;
  /** API setting `resolverCountLimit` (1–10000); absent or 0: 10,000 (AppSync's default). */
  resolverCountLimit?: number;
}

export interface AppSyncState {
  apis: Record<string, GraphqlApi>;
}

export function createAppSyncState(): AppSyncState {
  return { apis: createDict() };
}
