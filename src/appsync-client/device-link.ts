import { createDeviceNetwork } from '../sync/device-network';
import type { Connect, SocketLike } from './realtime-connection';

/**
 * A simulated device's network for AppSync: the Cognito Sync work's offline switch for `fetch`
 * (offline → TypeError('Failed to fetch'), as a browser tab without a network), extended to the
 * real-time socket: offline, opening one fails, and switching off closes every open one with 1006
 * (abnormal closure), which is what a tab sees when its network drops.
 */
export interface DeviceLinkHooks {
  /** Every HTTP exchange, for the wire timeline. */
  onExchange?(request: Request, response: Response): void;
  /** Every real-time message, both directions. */
  onSocketMessage?(direction: 'sent' | 'received', data: string): void;
}

export function createDeviceLink(
  cloud: {
    fetch(request: Request): Promise<Response>;
    connect(url: string, protocol?: string): Promise<SocketLike>;
  },
  initiallyOnline = true,
  hooks: DeviceLinkHooks = {},
) {
  const recordingFetch = async (request: Request) => {
    const copy = request.clone();
    const response = await cloud.fetch(request);
    hooks.onExchange?.(copy, response.clone());
    return response;
  };
  const network = createDeviceNetwork(recordingFetch, initiallyOnline);
  const sockets = new Set<SocketLike>();
  network.subscribe(() => {
    if (network.isOnline()) return;
    for (const socket of [...sockets]) {
      sockets.delete(socket);
      // The server side ends too (its subscriptions stop); the page sees an abnormal closure.
      const onclose = socket.onclose;
      socket.onclose = null;
      socket.close(1006, 'network lost');
      queueMicrotask(() => onclose?.({ type: 'close', code: 1006, reason: 'network lost' }));
    }
  });
  const connect: Connect = async (url, protocol) => {
    if (!network.isOnline()) throw new TypeError(`WebSocket connection to '${url.split('?')[0]}' failed`);
    const socket = await cloud.connect(url, protocol);
    sockets.add(socket);
    const send = socket.send.bind(socket);
    socket.send = (data: string) => {
      hooks.onSocketMessage?.('sent', data);
      send(data);
    };
    // Wrap onmessage whenever the client sets it, to record what arrives.
    let handler: SocketLike['onmessage'] = null;
    Object.defineProperty(socket, 'onmessage', {
      get: () => handler,
      set(next: SocketLike['onmessage']) {
        handler = next
          ? (event) => {
              hooks.onSocketMessage?.('received', event.data);
              next(event);
            }
          : null;
      },
      configurable: true,
    });
    return socket;
  };
  return { ...network, connect };
}

export type DeviceLink = ReturnType<typeof createDeviceLink>;
