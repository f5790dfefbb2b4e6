import { execute, type OperationDefinitionNode } from 'graphql';
import { getOwn } from '../../core/dict';
import type { Exclusive } from '../../core/request-queue';
import type { RequestContext } from '../../core/service';
import type { World } from '../../world';
import { type AppSyncIdentity, authorizeField, authorizeIam, identify } from './auth';
import { type AwsError, isAwsError } from '../../core/errors';
import { appsyncErrors } from './errors';
import { parseDocument } from './execute';
import { addSubscriber, type SubscriptionField } from './realtime-hub';
import { sharedListSchema } from './schema';
import type { GraphqlApi } from './state';

/**
 * AppSync's real-time endpoint (wss://<id>.appsync-realtime-api.<region>.amazonaws.com/graphql,
 * subprotocol graphql-ws) simulated in the tab: an object with the WebSocket surface a client uses,
 * carrying AppSync's message shapes — connection_init → connection_ack (+ ka), start → start_ack →
 * data …, stop → complete, error / connection_error. Authorisation travels as base64 JSON headers in
 * the `header` query parameter (handshake) and in each start message's extensions.authorization.
 * Keep-alives are sent once after the ack rather than on a timer, so the engine stays clock-driven.
 */
export interface SimSocket {
  readonly url: string;
  readonly protocol: string;
  readyState: 0 | 1 | 2 | 3;
  onopen: ((event: { type: 'open' }) => void) | null;
  onmessage: ((event: { type: 'message'; data: string }) => void) | null;
  onclose: ((event: { type: 'close'; code: number; reason: string }) => void) | null;
  onerror: ((event: { type: 'error' }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export const CONNECTION_TIMEOUT_MS = 300_000;

function decodeHeaderParam(value: string | null): Record<string, string> | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(atob(value));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, string>;
  } catch {
    return undefined;
  }
  return undefined;
}

function contextFor(world: World): RequestContext {
  const requestId = world.random.uuid();
  return {
    world,
    requestId,
    service: 'appsync',
    emit(kind, summary, detail) {
      world.trace.emit({ requestId, service: 'appsync', kind, summary, detail, at: world.now() });
    },
  };
}

/** Rebuilds the signed HTTP request that an authorization header object describes. */
function authRequest(host: string, path: string, headers: Record<string, string>, body: string): Request {
  const h = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'host') continue;
    h.set(name, value);
  }
  if (!h.has('content-type')) h.set('content-type', 'application/json; charset=UTF-8');
  return new Request(`https://${host}${path}`, { method: 'POST', headers: h, body });
}

export function openRealtimeSocket(
  world: World,
  api: GraphqlApi,
  url: URL,
  protocol: string,
  exclusive: Exclusive,
): SimSocket {
  // The API as the cloud holds it now: a restored snapshot (another tab's writes) replaces the state objects.
  const live = () => getOwn(world.state.appsync.apis, api.apiId) ?? api;
  const httpHost = `${api.apiId}.appsync-api.${world.region}.amazonaws.com`;
  const unsubscribers = new Map<string, () => void>();
  let identity: AppSyncIdentity | undefined;
  // Messages that arrive before the client has set `onmessage` wait for it, so a refusal sent right
  // after the connection opens is never lost.
  const pending: string[] = [];
  let messageHandler: SimSocket['onmessage'] = null;
  const socket: SimSocket = {
    url: url.href,
    protocol,
    readyState: 0,
    onopen: null,
    get onmessage() {
      return messageHandler;
    },
    set onmessage(handler) {
      messageHandler = handler;
      while (handler && pending.length > 0) handler({ type: 'message', data: pending.shift() as string });
    },
    onclose: null,
    onerror: null,
    send(data) {
      if (socket.readyState !== 1) throw new Error('InvalidStateError: the socket is not open');
      // One queue with cloud.fetch: a message is handled whole, never between a request's check and write.
      exclusive(() => receive(data)).catch((error: unknown) => {
        // Whatever a message does, the client gets an answer and nothing escapes as an unhandled rejection.
        sendToClient({
          type: 'error',
          payload: { errors: [{ errorType: 'InternalFailure', message: String(error) }] },
        });
      });
    },
    close(code = 1000, reason = '') {
      if (socket.readyState >= 2) return;
      socket.readyState = 3;
      for (const stop of unsubscribers.values()) stop();
      unsubscribers.clear();
      queueMicrotask(() => socket.onclose?.({ type: 'close', code, reason }));
    },
  };
  const sendToClient = (message: unknown) => {
    queueMicrotask(() => {
      if (socket.readyState !== 1) return;
      pending.push(JSON.stringify(message));
      // Read through the property: a client may wrap it with its own accessor.
      const handler = socket.onmessage;
      while (handler && pending.length > 0) handler({ type: 'message', data: pending.shift() as string });
    });
  };

  /**
   * A refused handshake: the error message arrives, then the server closes the connection. Whatever
   * failed (no header, a bad key, token or signature), AppSync says it in these words and this code
   * (aws-amplify/amplify-flutter#2763; in 2021 the type was namespaced and the code 400,
   * amplify-android#1392).
   */
  const refuse = () => {
    const errors = [
      {
        errorType: 'UnauthorizedException',
        message: 'You are not authorized to make this call.',
        errorCode: 401,
      },
    ];
    sendToClient({ type: 'connection_error', payload: { errors } });
    // After the error is delivered (or buffered for a handler set later).
    queueMicrotask(() => queueMicrotask(() => socket.close(1002, 'connection_error')));
  };

  const handshake = async () => {
    const headers = decodeHeaderParam(url.searchParams.get('header'));
    if (protocol !== 'graphql-ws' || !headers) {
      socket.readyState = 1;
      socket.onopen?.({ type: 'open' });
      refuse();
      return;
    }
    try {
      identity = await identify(
        live(),
        authRequest(httpHost, '/graphql/connect', headers, '{}'),
        contextFor(world),
      );
    } catch {
      socket.readyState = 1;
      socket.onopen?.({ type: 'open' });
      refuse();
      return;
    }
    socket.readyState = 1;
    socket.onopen?.({ type: 'open' });
  };

  const start = async (
    id: string,
    payload: { data?: string; extensions?: { authorization?: Record<string, string> } },
  ) => {
    const ctx = contextFor(world);
    let parsed: { query?: string; variables?: Record<string, unknown> };
    try {
      parsed = JSON.parse(typeof payload.data === 'string' ? payload.data : '');
      if (!parsed || typeof parsed !== 'object' || typeof parsed.query !== 'string')
        throw new Error('no query');
      if (
        parsed.variables !== undefined &&
        (parsed.variables === null || typeof parsed.variables !== 'object')
      )
        parsed.variables = undefined;
    } catch {
      sendToClient({
        id,
        type: 'error',
        payload: {
          errors: [{ errorType: 'MalformedHttpRequestException', message: 'Invalid JSON payload.' }],
        },
      });
      return;
    }
    let subscriber: AppSyncIdentity;
    try {
      const auth =
        payload.extensions && typeof payload.extensions.authorization === 'object'
          ? payload.extensions.authorization
          : undefined;
      subscriber = auth
        ? await identify(live(), authRequest(httpHost, '/graphql', auth, payload.data as string), ctx)
        : (identity as AppSyncIdentity);
    } catch (error) {
      const e = isAwsError(error) ? error : appsyncErrors.unauthorized(String(error));
      sendToClient({
        id,
        type: 'error',
        payload: { errors: [{ errorType: e.code, message: e.message }] },
      });
      return;
    }
    const { document, errors } = parseDocument(parsed.query ?? '');
    const operation = document?.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    if (!document || !operation || operation.operation !== 'subscription') {
      const problems = errors ?? [
        { message: 'A subscription operation is required on the real-time endpoint.' },
      ];
      sendToClient({ id, type: 'error', payload: { errors: problems } });
      return;
    }
    const selection = operation.selectionSet.selections[0];
    const field = (selection && selection.kind === 'Field' ? selection.name.value : '') as SubscriptionField;
    try {
      authorizeIam(live(), subscriber, ctx, 'Subscription', [field]);
      authorizeField(subscriber, 'Subscription', field);
    } catch (error) {
      const e = error as AwsError;
      sendToClient({
        id,
        type: 'error',
        payload: { errors: [{ errorType: e.code, message: e.message }] },
      });
      return;
    }
    unsubscribers.get(id)?.();
    unsubscribers.set(
      id,
      addSubscriber(world, api.apiId, {
        field,
        deliver: (item) => {
          void Promise.resolve(
            execute({
              schema: sharedListSchema(),
              document,
              rootValue: { [field]: item },
              variableValues: parsed.variables,
            }),
          ).then((result) => {
            world.trace.emit({
              requestId: ctx.requestId,
              service: 'appsync',
              kind: 'appsync.subscription.data',
              summary: `${field} delivered to subscription ${id}`,
              detail: { id, field, item },
              at: world.now(),
            });
            sendToClient({
              id,
              type: 'data',
              payload: { data: result.data ?? null, ...(result.errors ? { errors: result.errors } : {}) },
            });
          });
        },
      }),
    );
    ctx.emit('appsync.subscription.start', `Subscribed to ${field} (${id})`, {
      id,
      field,
      mode: subscriber.mode,
    });
    sendToClient({ type: 'start_ack', id });
  };

  const receive = async (data: string) => {
    let message: { type?: unknown; id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data);
      if (!message || typeof message !== 'object' || Array.isArray(message)) throw new Error('not an object');
    } catch {
      sendToClient({
        type: 'error',
        payload: { errors: [{ errorType: 'MalformedMessage', message: 'Message is not JSON.' }] },
      });
      return;
    }
    // connection_init is optional: a client may send start straight after the connection opens
    // (AppSync Developer Guide, real-time-websocket-client.html, step 2 "(Optional)").
    if (message.type === 'connection_init') {
      sendToClient({ type: 'connection_ack', payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } });
      sendToClient({ type: 'ka' });
      return;
    }
    if (message.type === 'start' && typeof message.id === 'string') {
      const payload =
        message.payload && typeof message.payload === 'object' && !Array.isArray(message.payload)
          ? (message.payload as Parameters<typeof start>[1])
          : {};
      await start(message.id, payload);
      return;
    }
    if (message.type === 'stop' && typeof message.id === 'string') {
      unsubscribers.get(message.id)?.();
      unsubscribers.delete(message.id);
      sendToClient({ type: 'complete', id: message.id });
      return;
    }
    sendToClient({
      type: 'error',
      ...(typeof message.id === 'string' ? { id: message.id } : {}),
      payload: {
        errors: [
          { errorType: 'UnsupportedOperation', message: `Unknown message type ${String(message.type)}` },
        ],
      },
    });
  };

  // A socket opens (or is refused) only after the caller has had its turn to set the handlers, and
  // through the cloud's one queue like every request.
  queueMicrotask(() => void exclusive(handshake));
  return socket;
}
