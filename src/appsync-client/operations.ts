import type { AppSyncAuth, ServerItem } from './types';

/**
 * The GraphQL documents the client sends (plain strings: the client never needs graphql-js) and one
 * POST helper. AppSync answers request-level refusals with an HTTP error and `errors`; everything
 * after authentication is HTTP 200 with `data` and, per failed field, an `errors` entry carrying
 * `errorType` and, for conflicts, the server's item in `data` (docs/aws-reference.md §10.3).
 */
const ITEM_FIELDS = 'id text done owner tags _version _lastChangedAt _deleted';

export const GET_ITEM = `query GetItem($id: ID!) { getItem(id: $id) { ${ITEM_FIELDS} } }`;
export const SYNC_ITEMS = `query SyncItems($limit: Int, $nextToken: String, $lastSync: AWSTimestamp) { syncItems(limit: $limit, nextToken: $nextToken, lastSync: $lastSync) { items { ${ITEM_FIELDS} } nextToken startedAt } }`;
export const CREATE_ITEM = `mutation CreateItem($input: CreateItemInput!) { createItem(input: $input) { ${ITEM_FIELDS} } }`;
export const UPDATE_ITEM = `mutation UpdateItem($input: UpdateItemInput!) { updateItem(input: $input) { ${ITEM_FIELDS} } }`;
export const DELETE_ITEM = `mutation DeleteItem($input: DeleteItemInput!) { deleteItem(input: $input) { ${ITEM_FIELDS} } }`;
export const SUBSCRIPTIONS = {
  onCreateItem: `subscription OnCreateItem { onCreateItem { ${ITEM_FIELDS} } }`,
  onUpdateItem: `subscription OnUpdateItem { onUpdateItem { ${ITEM_FIELDS} } }`,
  onDeleteItem: `subscription OnDeleteItem { onDeleteItem { ${ITEM_FIELDS} } }`,
} as const;

/** The content type the client sends and, in IAM mode, signs. */
export const GRAPHQL_CONTENT_TYPE = 'application/json; charset=UTF-8';

export interface GraphqlErrorEntry {
  errorType?: string;
  message: string;
  data?: unknown;
  path?: (string | number)[] | null;
}

export interface GraphqlReply {
  status: number;
  requestId: string | null;
  data: Record<string, unknown> | null;
  errors: GraphqlErrorEntry[];
}

/** A refusal of the whole request (HTTP 4xx/5xx), e.g. 401 UnauthorizedException. */
export class RequestRefused extends Error {
  readonly status: number;
  readonly errorType: string;
  constructor(status: number, errorType: string, message: string) {
    super(`${errorType}: ${message}`);
    this.name = 'RequestRefused';
    this.status = status;
    this.errorType = errorType;
  }
}

export async function postGraphql(
  fetcher: (request: Request) => Promise<Response>,
  url: string,
  auth: AppSyncAuth,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlReply> {
  const body = JSON.stringify({ query, variables });
  const authHeaders = await auth.getHeaders({ url, body });
  const response = await fetcher(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': GRAPHQL_CONTENT_TYPE, ...authHeaders },
      body,
    }),
  );
  const requestId = response.headers.get('x-amzn-requestid');
  const parsed = (await response.json().catch(() => ({}))) as {
    data?: Record<string, unknown> | null;
    errors?: GraphqlErrorEntry[];
  };
  if (!response.ok) {
    const first = parsed.errors?.[0];
    throw new RequestRefused(
      response.status,
      first?.errorType ?? `HTTP${response.status}`,
      first?.message ?? response.statusText,
    );
  }
  return { status: response.status, requestId, data: parsed.data ?? null, errors: parsed.errors ?? [] };
}

export const asItem = (value: unknown): ServerItem | undefined =>
  value && typeof value === 'object' && 'id' in value ? (value as ServerItem) : undefined;
