import type { TraceEvent } from '../../sim/index';

/**
 * The AppSync view's wire timeline, as text: each GraphQL request and response, every real-time
 * message, and the engine's trace events for the request (joined by `x-amzn-requestid`). Secrets
 * (tokens, signatures) are shortened but keep their shape.
 */
export interface WireEntry {
  /**
   * The entry's place in the order things happened, from 1 for the lab's first request or live message.
   * The wire timeline shows it as the entry's number, so it stays the same when older entries are dropped.
   */
  id: number;
  device: string;
  kind: 'http' | 'socket';
  title: string;
  status?: number;
  requestId?: string;
  request: string;
  response?: string;
  events: TraceEvent[];
}

const redact = (text: string) =>
  text
    .replace(/(eyJ[\w-]{8})[\w-]*\.[\w-]+\.[\w-]+/g, '$1…')
    .replace(/(Signature=[0-9a-f]{8})[0-9a-f]+/g, '$1…')
    .replace(/(x-amz-security-token: .{12}).*/g, '$1…');

export function operationName(body: string): string {
  try {
    const parsed = JSON.parse(body) as { query?: string };
    return /^\s*(query|mutation|subscription)\s+(\w+)/.exec(parsed.query ?? '')?.[2] ?? 'GraphQL';
  } catch {
    return 'request';
  }
}

export function createWireLog(onChange: () => void, limit = 150) {
  const entries: WireEntry[] = [];
  const byRequestId = new Map<string, WireEntry>();
  const early = new Map<string, TraceEvent[]>();
  let next = 1;
  const push = (entry: Omit<WireEntry, 'id' | 'events'>, events: TraceEvent[] = []) => {
    const full = { ...entry, id: next++, events };
    entries.unshift(full);
    if (full.requestId) byRequestId.set(full.requestId, full);
    while (entries.length > limit) {
      const gone = entries.pop();
      if (gone?.requestId) byRequestId.delete(gone.requestId);
    }
    onChange();
  };
  return {
    entries,
    /** Engine events: attach to the entry of their request, or hold them until the response names it. */
    trace(event: TraceEvent) {
      const entry = byRequestId.get(event.requestId);
      if (entry) {
        entry.events.push(event);
        onChange();
        return;
      }
      const list = early.get(event.requestId) ?? [];
      list.push(event);
      early.set(event.requestId, list);
      if (early.size > 200) early.delete(early.keys().next().value as string);
    },
    async http(device: string, request: Request, response: Response) {
      const body = await request.text();
      const headers = [...request.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
      const requestId = response.headers.get('x-amzn-requestid') ?? undefined;
      const host = new URL(request.url).hostname;
      const title = host.includes('appsync-api')
        ? operationName(body)
        : ((request.headers.get('x-amz-target') ?? host).split('.').pop() ?? host);
      const events = requestId ? (early.get(requestId) ?? []) : [];
      if (requestId) early.delete(requestId);
      push(
        {
          device,
          kind: 'http',
          title,
          status: response.status,
          requestId,
          request: redact(`${request.method} ${request.url}\n${headers}\n\n${body}`),
          response: redact(
            `HTTP ${response.status}\n${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${await response.text()}`,
          ),
        },
        events,
      );
    },
    socket(device: string, direction: 'sent' | 'received', data: string) {
      let type = 'message';
      try {
        type = String((JSON.parse(data) as { type?: string }).type ?? 'message');
      } catch {
        type = 'text';
      }
      push({
        device,
        kind: 'socket',
        title: `${direction === 'sent' ? '→' : '←'} ${type}`,
        request: redact(data),
      });
    },
  };
}

export type WireLog = ReturnType<typeof createWireLog>;
