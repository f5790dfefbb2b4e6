/**
 * AWS Query protocol (STS): `POST /` with a form-encoded body, or `GET /?…`, carrying `Action` and
 * `Version` plus the parameters flattened (`PolicyArns.member.1.arn=…`). Replies are XML in the
 * service's namespace, `<XResponse><XResult>…</XResult><ResponseMetadata><RequestId/>…`. The handler
 * throws; `queryProtocol` is the one renderer of Query errors, applied at dispatch (`cloud.ts`):
 * `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 * docs/aws-reference.md §5.1; botocore `parsers.py` QueryParser.
 */
import { createDict, getOwn, setOwn } from '../core/dict';
import type { AwsError } from '../core/errors';
import type { RequestContext, ServiceHandler } from '../core/service';
import { protocolErrors } from './errors';
import type { WireProtocol } from './wire-protocol';
import { type XmlNode, xmlDocument } from './xml';

export type QueryInput = Record<string, string>;
/** Returns the `<XResult>` content (undefined for an empty result). */
export type QueryOperation = (
  input: QueryInput,
  ctx: RequestContext,
  request: Request,
) => Promise<XmlNode | undefined>;

export interface QueryOptions {
  /** e.g. `https://sts.amazonaws.com/doc/2011-06-15/` */
  namespace: string;
  /** e.g. `2011-06-15` */
  version: string;
  operations: Record<string, QueryOperation>;
}

const FORM = 'application/x-www-form-urlencoded';

function xmlResponse(status: number, body: string, requestId: string): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
  });
}

export function renderQueryError(error: AwsError, requestId: string, namespace: string): Response {
  const body = xmlDocument('ErrorResponse', namespace, {
    Error: { Type: error.fault, Code: error.code, Message: error.message, ...error.extra },
    RequestId: requestId,
  });
  return xmlResponse(error.statusCode, body, requestId);
}

/** The request's parameters: the query string, plus the form body of a POST. Presign parameters are not input. */
async function readInput(request: Request): Promise<QueryInput> {
  const input = createDict<string>() as QueryInput;
  const url = new URL(request.url);
  for (const [k, v] of url.searchParams) if (!/^X-Amz-/i.test(k)) setOwn(input, k, v);
  if (request.method === 'POST') {
    const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    const text = await request.clone().text();
    if (text !== '' && contentType !== FORM) {
      throw protocolErrors.invalidParameterValue(`Unsupported Content-Type: ${contentType || '(none)'}`);
    }
    for (const [k, v] of new URLSearchParams(text)) setOwn(input, k, v);
  } else if (request.method !== 'GET') {
    throw protocolErrors.invalidAction(`Unsupported HTTP method ${request.method}`);
  }
  return input;
}

export function queryHandler(options: QueryOptions): ServiceHandler {
  return async (request, ctx) => {
    const input = await readInput(request);
    const action = input.Action;
    if (!action) throw protocolErrors.missingAction();
    const operation = getOwn(options.operations, action);
    if (!operation || (input.Version !== undefined && input.Version !== options.version)) {
      throw protocolErrors.invalidAction(
        `Could not find operation ${action} for version ${input.Version ?? 'NO_VERSION_SPECIFIED'}`,
      );
    }
    ctx.emit('request', action, { operation: action, input: redact(input) });
    const result = await operation(input, ctx, request);
    const body = xmlDocument(`${action}Response`, options.namespace, {
      [`${action}Result`]: result ?? '',
      ResponseMetadata: { RequestId: ctx.requestId },
    });
    return xmlResponse(200, body, ctx.requestId);
  };
}

/** Secrets stay out of the trace. */
function redact(input: QueryInput): QueryInput {
  const out = createDict<string>() as QueryInput;
  for (const [k, v] of Object.entries(input))
    setOwn(out, k, /TokenCode|SAMLAssertion|WebIdentityToken/.test(k) ? `<${v.length} characters>` : v);
  return out;
}

/** Query errors in the service's XML namespace. */
export function queryProtocol(namespace: string): WireProtocol {
  return {
    name: 'query',
    internalError: () => protocolErrors.internal('InternalFailure'),
    render: (error, { ctx }) => renderQueryError(error, ctx.requestId, namespace),
  };
}
