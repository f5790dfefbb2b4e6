import type { TraceEvent } from '../../sim/index';

/**
 * Narrow readers for trace-event details. The engine's detail objects are plain JSON; these read
 * them defensively so a shape the UI does not know yet shows as raw JSON instead of crashing.
 */

export function eventsOfKind(events: TraceEvent[], kind: string): TraceEvent[] {
  return events.filter((e) => e.kind === kind);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
