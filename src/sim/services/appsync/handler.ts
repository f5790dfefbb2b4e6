import { parseState } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { authorizeIam, identify } from './auth';
import { appsyncErrors } from './errors';
import { parseDocument, runOperation } from './execute';
import { rootFieldsOf } from './root-fields';
import type { GraphqlApi } from './state';

/**
 * POST https://<apiId>.appsync-api.<region>.amazonaws.com/graphql. Request-level failures (no or bad
 * credentials, malformed JSON) are thrown and answered at dispatch by the `appsync-graphql` protocol,
 * HTTP errors with `{"errors":[{"errorType","message"}]}`, and so is IAM's refusal of a root field (401
 * "Permission denied"); everything after that answers 200
 * with `data` and, when something failed, `errors` entries.
 * Loaded lazily by route.ts so that graphql never weighs on the first page.
 */
const JSON_TYPE = 'application/json; charset=UTF-8';

/**
 * JSON.stringify(body), writing a root answer shared by several aliases (introspection-reuse.ts) once
 * and repeating its text, so a thousand copies of one introspection answer are serialised once.
 */
function serialize(body: unknown): string {
  const data = (body as { data?: unknown } | null)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(body as object)[0] !== 'data')
    return JSON.stringify(body);
  const written = new Map<unknown, string>();
  const fields = Object.entries(data).map(([key, value]) => {
    let text = written.get(value);
    if (text === undefined) {
      text = JSON.stringify(value) ?? 'null';
      if (value && typeof value === 'object') written.set(value, text);
    }
    return `${JSON.stringify(key)}:${text}`;
  });
  const rest = JSON.stringify({ ...(body as object), data: undefined });
  return `{"data":{${fields.join(',')}}${rest === '{}' ? '' : `,${rest.slice(1, -1)}`}}`;
}

function reply(status: number, body: unknown, requestId: string): Response {
  const headers: Record<string, string> = { 'content-type': JSON_TYPE, 'x-amzn-requestid': requestId };
  return new Response(serialize(body), { status, headers });
}

export async function handleGraphqlRequest(
  api: GraphqlApi,
  request: Request,
  ctx: RequestContext,
): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname !== '/graphql' || request.method !== 'POST') throw appsyncErrors.notFound();
  const text = await request.clone().text();
  let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    payload = parseState(text);
    if (!payload || typeof payload !== 'object' || typeof payload.query !== 'string')
      throw new Error('no query');
  } catch {
    throw appsyncErrors.malformedRequest();
  }
  const identity = await identify(api, request, ctx);
  const { document, errors } = parseDocument(payload.query as string);
  // A document that does not parse or validate is still HTTP 200, with data null (graphql/graphql-over-http#81).
  if (!document) return reply(200, { data: null, errors }, ctx.requestId);
  const isSubscription = document.definitions.some(
    (d) => d.kind === 'OperationDefinition' && d.operation === 'subscription',
  );
  if (isSubscription) {
    return reply(
      400,
      {
        data: null,
        errors: [
          {
            path: null,
            data: null,
            errorType: 'UnsupportedOperation',
            errorInfo: null,
            locations: [],
            message: 'Subscriptions are served by the real-time endpoint.',
          },
        ],
      },
      ctx.requestId,
    );
  }
  ctx.emit(
    'appsync.request',
    `GraphQL ${typeof payload.operationName === 'string' ? payload.operationName : 'operation'} as ${identity.mode}`,
    {
      mode: identity.mode,
      owner: identity.owner,
    },
  );
  const operationName = typeof payload.operationName === 'string' ? payload.operationName : undefined;
  const root = rootFieldsOf(document, operationName);
  if (root) authorizeIam(api, identity, ctx, root.type, root.fields);
  const variables =
    payload.variables && typeof payload.variables === 'object'
      ? (payload.variables as Record<string, unknown>)
      : undefined;
  const outcome = await runOperation(api, ctx, identity, document, variables, operationName);
  return reply(200, outcome.body, ctx.requestId);
}
