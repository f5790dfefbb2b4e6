import { createDict, getOwn, parseState } from '../core/dict';
import { AwsError, } from '../core/errors';
import type { RequestContext, ServiceHandler } from '../core/service';
import { answerFailure, type WireProtocol } from './wire-protocol';

/**
 * AWS JSON 1.1: `POST /` with `X-Amz-Target: <Prefix>.<Operation>` and a JSON body; errors are
 * status 400 (500 for server faults) with `{"__type": code, "message": text}` and the
 * `x-amzn-ErrorType: <code>:` header (trailing colon, as observed on Cognito). This module is the
 * one place that renders errors for every JSON 1.1 service (Cognito user pools and identity pools, SSM).
 */
export const JSON_11 = 'application/x-amz-json-1.1';

export type JsonInput = Record<string, unknown>;
export type JsonOperation = (input: JsonInput, ctx: RequestContext, request: Request) => Promise<unknown> | unknown;

export interface Json11Options {
  /** e.g. `AWSCognitoIdentityProviderService` */
  targetPrefix: string;
  operations: Record<string, JsonOperation>;
  /** Largest body accepted, in bytes (AWS front ends refuse far larger bodies long before parsing). */
  maxBodyBytes?: number;
  /** The code the service uses for an internal fault (`InternalErrorException` for Cognito, `InternalServerError` for SSM). */
  internalErrorCode?: string;
}

export function jsonResponse(status: number, body: unknown, requestId: string, extraHeaders: Record<string, string> = {}): Response {
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
  const internal = options.internalErrorCode ?? 'InternalErrorException';
  return async (request, ctx) => {
    try {
      if (request.method !== 'POST') {
        throw new AwsError('UnknownOperationException', '', 404);
      }
      const target = request.headers.get('x-amz-target') ?? '';
      const dot = target.lastIndexOf('.');
      const prefix = dot >= 0 ? target.slice(0, dot) : '';
      const operationName = dot >= 0 ? target.slice(dot + 1) : '';
      const operation = prefix === options.targetPrefix ? getOwn(options.operations, operationName) : undefined;
      if (!operation || !Object.hasOwn(options.operations, operationName)) {
        throw new AwsError('UnknownOperationException', '');
      }
      const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (contentType !== JSON_11 && contentType !== 'application/json') {
        throw new AwsError('SerializationException', `Unsupported Content-Type: ${contentType || '(none)'}`);
      }
      const text = await request.text();
      // A UTF-16 code unit is at most 3 UTF-8 bytes, so only a long text needs encoding to be measured.
      if (text.length * 3 > maxBodyBytes && new TextEncoder().encode(text).length > maxBodyBytes) {
        throw new AwsError('SerializationException', `Request body is larger than ${maxBodyBytes} bytes.`, 413);
      }
      let input: unknown;
      try {
        // Null-prototype objects: a member named `__proto__` or `constructor` is data like any other.
        input = text.trim() === '' ? createDict() : parseState(text);
      } catch {
        throw new AwsError('SerializationException', 'The request body is not valid JSON.');
      }
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw new AwsError('SerializationException', 'Start of list found where not expected');
      }
      ctx.emit('request', `${options.targetPrefix}.${operationName}`, { operation: operationName });
      const output = await operation(input as JsonInput, ctx, request);
      return jsonResponse(200, output ?? {}, ctx.requestId);
    } catch (error) {
      return answerFailure(json11Protocol(internal), error, { ctx, method: request.method });
    }
  };
}

/** JSON 1.1 errors, with the service's own code for an internal fault. */
export function json11Protocol(internalErrorCode = 'InternalErrorException'): WireProtocol {
  return {
    name: 'json-1.1',
    internalError: () => new AwsError(internalErrorCode, 'An internal error occurred.', { status: 500, fault: 'Receiver' }),
    render: (error, { ctx }) => renderJson11Error(error, ctx.requestId),
  };
}
