import { SUBSCRIPTIONS } from './operations';
import type { AppSyncAuth, ConnectionState, ServerItem } from './types';

/**
 * The client side of AppSync's real-time protocol (docs/aws-reference.md §10.1; AppSync guide
 * "real-time-websocket-client"): open `wss://…/graphql?header=<base64 auth JSON>&payload=e30=` with
 * subprotocol `graphql-ws`, send `connection_init`, wait for `connection_ack`, then one `start` per
 * subscription, each carrying its own `extensions.authorization`; `data` messages follow.
 */
export interface SocketLike {
  readyState: number;
  onopen: ((event: { type: 'open' }) => void) | null;
  onmessage: ((event: { type: 'message'; data: string }) => void) | null;
  onclose: ((event: { type: 'close'; code: number; reason: string }) => void) | null;
  onerror: ((event: { type: 'error' }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type Connect = (url: string, protocol: string) => Promise<SocketLike>;

export interface RealtimeHandlers {
  onData(field: string, item: ServerItem): void;
  onState(state: ConnectionState, detail?: string): void;
}

let subscriptionCount = 0;
const base64Json = (value: unknown) => btoa(JSON.stringify(value));

export async function openSubscriptions(
  connect: Connect,
  realtimeUrl: string,
  graphqlUrl: string,
  auth: AppSyncAuth,
  handlers: RealtimeHandlers,
): Promise<{ close(): void }> {
  const host = new URL(graphqlUrl).host;
  const connectUrl = `${graphqlUrl}/connect`;
  const handshake = { host, ...(await auth.getHeaders({ url: connectUrl, body: '{}' })) };
  handlers.onState('connecting');
  const socket = await connect(
    `${realtimeUrl}?header=${base64Json(handshake)}&payload=${base64Json({})}`,
    'graphql-ws',
  );
  let closedByUs = false;
  const fields = new Map<string, string>();

  const startAll = async () => {
    for (const [field, query] of Object.entries(SUBSCRIPTIONS)) {
      const data = JSON.stringify({ query, variables: {} });
      const authorization = { host, ...(await auth.getHeaders({ url: graphqlUrl, body: data })) };
      subscriptionCount += 1;
      const id = `${field}-${subscriptionCount}`;
      fields.set(id, field);
      if (socket.readyState === 1)
        socket.send(JSON.stringify({ id, type: 'start', payload: { data, extensions: { authorization } } }));
    }
  };

  socket.onmessage = (event) => {
    const message = JSON.parse(event.data) as {
      type: string;
      id?: string;
      payload?: { data?: Record<string, unknown> | null; errors?: unknown[] };
    };
    if (message.type === 'connection_ack') {
      handlers.onState('open');
      void startAll().catch((error: Error) => handlers.onState('closed', error.message));
    } else if (message.type === 'data' && message.id) {
      const field = fields.get(message.id);
      const item = field ? (message.payload?.data?.[field] as ServerItem | undefined) : undefined;
      if (field && item) handlers.onData(field, item);
    } else if (message.type === 'connection_error' || message.type === 'error') {
      handlers.onState(socket.readyState === 1 ? 'open' : 'closed', JSON.stringify(message.payload ?? {}));
    }
  };
  socket.onclose = (event) =>
    handlers.onState('closed', closedByUs ? undefined : `closed (${event.code} ${event.reason})`);
  const init = () => socket.send(JSON.stringify({ type: 'connection_init' }));
  if (socket.readyState === 1) init();
  else socket.onopen = init;
  return {
    close() {
      closedByUs = true;
      socket.close(1000, 'client closed');
    },
  };
}
