/**
 * Structured explanation events. The engine explains by emitting, never by printing: every request
 * gets a request id, and each service emits events tagged with it (signature stages, policy decisions,
 * tokens issued or refused). The UI's inspectors render them. Events must be plain serialisable data.
 */
export interface TraceEvent {
  /** The id AWS returns in `x-amzn-RequestId` / `x-amz-request-id` for the request this belongs to. */
  requestId: string;
  /** Host prefix of the service, e.g. `cognito-idp`, `sts`, `s3`. */
  service: string;
  /**
   * What happened. Well-known kinds: `request` (operation resolved), `sigv4` (signature check with its
   * stages), `iam.decision` (an evaluation with its trace), `token.issued`, `token.rejected`, `error`,
   * `state` (a change to stored state). Services may add their own.
   */
  kind: string;
  /** One line a person can read. */
  summary: string;
  /** Structured detail for the inspector (plain JSON data). */
  detail?: unknown;
  /** Simulation time in epoch ms. */
  at: number;
}

export type TraceListener = (event: TraceEvent) => void;

export interface TraceHub {
  emit(event: TraceEvent): void;
  subscribe(listener: TraceListener): () => void;
  /**
   * Whether anyone is subscribed. Emitters may skip building an event nobody will read; with a
   * listener every event is built and delivered in full. Optional so hand-made hubs stay valid.
   */
  listening?(): boolean;
}

export function createTraceHub(): TraceHub {
  const listeners = new Set<TraceListener>();
  return {
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    listening: () => listeners.size > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
