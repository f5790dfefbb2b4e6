import { createDict, getOwn, parseState } from '../core/dict';
import type { AwsError } from '../core/errors';
import type { RequestContext, ServiceHandler } from '../core/service';
import { protocolErrors } from './errors';
import type { WireProtocol } from './wire-protocol';

/**
 * AWS JSON 1.1: `POST /` with `X-Amz-Target: <Prefix>.<Operation>` and a JSON body; errors are
 * status 400 (500 for server faults) with `{"__type": code, "message": text}` and the
 * `x-amzn-ErrorType: <code>:` header (trailing colon, as observed on Cognito). The handler throws;
 * `json11Protocol` is the one renderer of errors for every JSON 1.1 service (Cognito user pools and
 * identity pools, SSM), applied once at dispatch (`cloud.ts`).
 */
export const JSON_11 = 'application/x-amz-json-1.1';

export type JsonInput = Record<string, unknown>;
export type JsonOperation = (
  input: JsonInput,
  ctx: RequestContext,
  request: Request,
) => Promise<unknown> | unknown;

export interface Json11Options {
  /** e.g. `AWSCognitoIdentityProviderService` */
  targetPrefix: string;
  operations: Record<string, JsonOperation>;
  /** Largest body accepted, in bytes (AWS front ends refuse far larger bodies long before parsing). */
  maxBodyBytes?: number;
}

export function jsonResponse(
  status: number,
  body: unknown,
  requestId: string,
  extraHeaders: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_11, 'x-amzn-requestid': requestId, ...extraHeaders },
  });
}

export function renderJson11Error(error: AwsError, requestId: string): Response {
  const headers: Record<string, string> = {
    'x-amzn-errortype': `${error.code}:`,
  };
  // Header values must be ByteStrings; AWS sends the message too, so keep it when it is plain ASCII.
  if (/^[\x20-\x7e]*$/.test(error.message)) headers['x-amzn-errormessage'] = error.message;
  return jsonResponse(error.statusCode, { __type: error.code, message: error.message }, requestId, headers);
}

export function json11Handler(options: Json11Options): ServiceHandler {
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  return async (request, ctx) => {
    if (request.method !== 'POST') throw protocolErrors.unknownOperation(404);
    const target = request.headers.get('x-amz-target') ?? '';
    const dot = target.lastIndexOf('.');
    const prefix = dot >= 0 ? target.slice(0, dot) : '';
    const operationName = dot >= 0 ? target.slice(dot + 1) : '';
    const operation = prefix === options.targetPrefix ? getOwn(options.operations, operationName) : undefined;
    if (!operation || !Object.hasOwn(options.operations, operationName))
      throw protocolErrors.unknownOperation();
    const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== JSON_11 && contentType !== 'application/json') {
      throw protocolErrors.serialization(`Unsupported Content-Type: ${contentType || '(none)'}`);
    }
    const text = await request.text();
    // A UTF-16 code unit is at most 3 UTF-8 bytes, so only a long text needs encoding to be measured.
    if (text.length * 3 > maxBodyBytes && new TextEncoder().encode(text).length > maxBodyBytes) {
      throw protocolErrors.serialization(`Request body is larger than ${maxBodyBytes} bytes.`, 413);
    }
    let input: unknown;
    try {
      // Null-prototype objects: a member named `__proto__` or `constructor` is data like any other.
      input = text.trim() === '' ? createDict() : parseState(text);
    } catch {
      throw protocolErrors.serialization('The request body is not valid JSON.');
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw protocolErrors.serialization('Start of list found where not expected');
    }
    ctx.emit('request', `${options.targetPrefix}.${operationName}`, { operation: operationName });
    const output = await operation(input as JsonInput, ctx, request);
    return jsonResponse(200, output ?? {}, ctx.requestId);
  };
}

/** JSON 1.1 errors, with the service's own code for an internal fault. */
export function json11Protocol(
  internalErrorCode: 'InternalErrorException' | 'InternalServerError' = 'InternalErrorException',
): WireProtocol {
  return {
    name: 'json-1.1',
    internalError: () => protocolErrors.internal(internalErrorCode),
    render: (error, { ctx }) => renderJson11Error(error, ctx.requestId),
  };
}
