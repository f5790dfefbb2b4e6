/**
 * How the offline clients tell "no network" from a refusal. A browser's `fetch` rejects with a
 * `TypeError` ("Failed to fetch") when the request never reached a server, and so do the device
 * doubles (`sync/device-network.ts`, `appsync-client/device-link.ts`). Anything else that rejects
 * crossed the wire or came from our own code, so it is an error to show, not an offline state.
 * Shared by `sync/` and `appsync-client/`; the engine (`sim/`) never sees a network and does not use it.
 */
export const isNetworkFailure = (error: unknown): error is TypeError => error instanceof TypeError;
