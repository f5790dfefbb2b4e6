/**
 * A simulated device's network: its own `fetch` with an offline switch. Offline, every call rejects
 * with `TypeError('Failed to fetch')`, exactly what a browser's fetch does without a network, so the
 * sync client treats it as it would treat the real thing.
 */
export function createDeviceNetwork(
  cloudFetch: (request: Request) => Promise<Response>,
  initiallyOnline = true,
) {
  let online = initiallyOnline;
  const listeners = new Set<() => void>();
  return {
    fetch(request: Request): Promise<Response> {
      if (!online) return Promise.reject(new TypeError('Failed to fetch'));
      return cloudFetch(request);
    },
    isOnline: () => online,
    setOnline(next: boolean) {
      online = next;
      for (const l of listeners) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type DeviceNetwork = ReturnType<typeof createDeviceNetwork>;
