import { syncErrors } from './errors';

/**
 * Cognito Sync's REST-JSON wire format (service model cognito-sync 2014-06-30, protocol rest-json):
 * the operation is chosen by method and path, identifiers travel in the path (URI-encoded, so the
 * `:` of an identity id arrives as `%3A`), options in the query string, payloads as JSON. Errors are
 * the status from the model, the `x-amzn-ErrorType` header (what SDK v3 reads first) and a body
 * `{"message": …}` (obs: amazon-cognito-js #31 quotes that body).
 */
export type SyncOperationName =
  | 'DescribeIdentityPoolUsage'
  | 'DescribeIdentityUsage'
  | 'ListDatasets'
  | 'DescribeDataset'
  | 'UpdateRecords'
  | 'DeleteDataset'
  | 'ListRecords';

export interface ParsedSyncRequest {
  operation: SyncOperationName;
  identityPoolId: string;
  identityId?: string;
  datasetName?: string;
  query: URLSearchParams;
  /** The x-amz-Client-Context header (UpdateRecords). */
  clientContext?: string;
}

const routes: { method: string; pattern: RegExp; operation: SyncOperationName }[] = [
  { method: 'GET', pattern: /^\/identitypools\/([^/]+)$/, operation: 'DescribeIdentityPoolUsage' },
  {
    method: 'GET',
    pattern: /^\/identitypools\/([^/]+)\/identities\/([^/]+)$/,
    operation: 'DescribeIdentityUsage',
  },
  {
    method: 'GET',
    pattern: /^\/identitypools\/([^/]+)\/identities\/([^/]+)\/datasets$/,
    operation: 'ListDatasets',
  },
  {
    method: 'GET',
    pattern: /^\/identitypools\/([^/]+)\/identities\/([^/]+)\/datasets\/([^/]+)$/,
    operation: 'DescribeDataset',
  },
  {
    method: 'POST',
    pattern: /^\/identitypools\/([^/]+)\/identities\/([^/]+)\/datasets\/([^/]+)$/,
    operation: 'UpdateRecords',
  },
  {
    method: 'DELETE',
    pattern: /^\/identitypools\/([^/]+)\/identities\/([^/]+)\/datasets\/([^/]+)$/,
    operation: 'DeleteDataset',
  },
  {
    method: 'GET',
    pattern: /^\/identitypools\/([^/]+)\/identities\/([^/]+)\/datasets\/([^/]+)\/records$/,
    operation: 'ListRecords',
  },
];

export function parseSyncRequest(request: Request): ParsedSyncRequest {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/+$/, '');
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const [pool, identity, dataset] = match.slice(1).map((s) => decodeSegment(s));
    return {
      operation: route.operation,
      identityPoolId: pool as string,
      identityId: identity,
      datasetName: dataset,
      query: url.searchParams,
      clientContext: request.headers.get('x-amz-client-context') ?? undefined,
    };
  }
  throw syncErrors.unknownOperation(`Unknown operation: ${request.method} ${url.pathname}`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw syncErrors.invalidParameter(`Malformed path segment: ${segment}`);
  }
}

/** Epoch seconds, as REST-JSON writes timestamps by default (fractions keep millisecond precision). */
export const wireDate = (ms: number): number => ms / 1000;

export function syncJsonResponse(body: unknown, requestId: string): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
  });
}
