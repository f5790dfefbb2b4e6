/**
 * The device-side model of an AppSync offline-first client (docs/aws-reference.md §10.5, Amplify DataStore's
 * design): a local copy of the shared list, and an outbox of mutations not yet answered by AppSync.
 * Field names that cross the wire keep AppSync's spelling (`_version`, `_lastChangedAt`, `_deleted`).
 */

/** An item as the API returns it (the schema's `Item`). */
export interface ServerItem {
  id: string;
  text: string;
  done: boolean;
  owner: string;
  tags: string[];
  _version: number;
  /** Epoch milliseconds (AWSTimestamp as AppSync's versioned tables write it). */
  _lastChangedAt: number;
  _deleted: boolean | null;
}

/** The local copy of an item. `_version` is null until AppSync has answered the item's create. */
export interface LocalItem extends Omit<ServerItem, '_version' | '_lastChangedAt' | 'owner'> {
  _version: number | null;
  _lastChangedAt: number | null;
  owner: string | null;
}

/** The user-editable fields. */
export type ItemFields = Pick<ServerItem, 'text' | 'done' | 'tags'>;
export type ItemPatch = Partial<ItemFields>;

export const MutationKind = { create: 'create', update: 'update', delete: 'delete' } as const;
export type MutationKind = (typeof MutationKind)[keyof typeof MutationKind];

/** One pending mutation. Removed from the outbox only in the same transaction that records AppSync's answer. */
export interface OutboxEntry {
  /** Order of the queue (strictly increasing per device). */
  seq: number;
  kind: MutationKind;
  itemId: string;
  /** The fields to send: all of them for a create, only the changed ones for an update. */
  fields: ItemPatch;
  /** The `_version` this change was made on (null while the item's create is still pending). */
  baseVersion: number | null;
  createdAt: number;
  /** How many times it was sent without an answer being recorded. >0 means "maybe delivered". */
  attempts: number;
  /** Set when AppSync answered ConflictUnhandled; the entry waits for the user's decision. */
  conflict?: { server: ServerItem; at: number };
}

export const AuthMode = {
  AMAZON_COGNITO_USER_POOLS: 'AMAZON_COGNITO_USER_POOLS',
  AWS_IAM: 'AWS_IAM',
  API_KEY: 'API_KEY',
} as const;
export type AuthMode = (typeof AuthMode)[keyof typeof AuthMode];

/**
 * Supplies the authorization headers for one request (HTTP POST or a real-time handshake/start).
 * IAM signs `{url, body}` exactly as it will be sent; the other modes ignore them.
 */
export interface AppSyncAuth {
  mode: AuthMode;
  getHeaders(request: { url: string; body: string }): Promise<Record<string, string>>;
}

export type ConnectionState = 'closed' | 'connecting' | 'open';
export type ClientState = 'idle' | 'syncing' | 'sending' | 'offline' | 'error';

export interface ClientStatus {
  state: ClientState;
  connection: ConnectionState;
  lastSync: number | null;
  lastError?: string;
}

/** What the client tells its user (the UI): each one is worth showing. */
export type ClientEvent =
  | { type: 'subscription-data'; field: string; item: ServerItem; applied: boolean; reason: string }
  | { type: 'synced'; mode: 'base' | 'delta'; count: number; startedAt: number }
  | { type: 'sent'; entry: OutboxEntry; result: ServerItem }
  | { type: 'already-delivered'; entry: OutboxEntry; server: ServerItem; how: string }
  | { type: 'merged-by-server'; entry: OutboxEntry; sent: ItemPatch; result: ServerItem; lost: string[] }
  | { type: 'conflict'; entry: OutboxEntry; local: LocalItem | undefined; server: ServerItem }
  | { type: 'conflict-resolved'; itemId: string; choice: ConflictChoice }
  | { type: 'rejected'; entry: OutboxEntry; errorType: string; message: string }
  | { type: 'connection'; state: ConnectionState; detail?: string };

export type ConflictChoice = 'discard-local' | 'reapply-local';
