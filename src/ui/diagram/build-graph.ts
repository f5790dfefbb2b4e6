import type { Edge, Node } from '@xyflow/react';
import type { TraceEntry } from '../../player/create-player';
import type { ActorId, PacketKind, Scenario } from '../../scenarios/types';
import { ACTORS } from './actors';

/**
 * Pure: (scenario, trace, position, clock) → React Flow nodes and edges. Nothing here reads the DOM
 * or the store, so it is unit-tested without rendering.
 */

export type NodeStatus = 'idle' | 'signed-in' | 'credentials' | 'expired' | 'ok' | 'denied' | 'unreachable';

export interface ServiceNodeData extends Record<string, unknown> {
  actor: ActorId;
  label: string;
  kind: string;
  status: NodeStatus;
  /** Short words for the status badge, e.g. "holding credentials (58 min left)". */
  statusText?: string;
  active: boolean;
  inScenario: boolean;
}
export type ServiceNode = Node<ServiceNodeData, 'service'>;

export type EdgeState = 'pending' | 'active' | 'done' | 'failed';

export interface PacketEdgeData extends Record<string, unknown> {
  /** Step numbers and operations that use this edge, e.g. "2 GetId". */
  label: string;
  state: EdgeState;
  /** Internal hop (inside AWS) rather than a request from the caller. */
  internal: boolean;
  /** The packet on this edge now: kind out, kind back; undefined when nothing travels. */
  packet?: { out: PacketKind; back: PacketKind };
}
export type PacketEdge = Edge<PacketEdgeData, 'packet'>;

export interface GraphInput {
  scenario: Scenario;
  entries: TraceEntry[];
  /** Steps completed; the active step is `position - 1`. */
  position: number;
  clock: number;
}

function edgeId(from: ActorId, to: ActorId) {
  return `${from}->${to}`;
}

function entryFailed(entry: TraceEntry | undefined): boolean {
  return !!entry && entry.outcome !== 'success' && entry.outcome !== 'off-wire';
}

function appStatus(
  entry: TraceEntry | undefined,
  clock: number,
): { status: NodeStatus; statusText?: string } {
  const held = entry?.held;
  const credentials = held?.credentials;
  if (credentials) {
    if (credentials.expiration !== undefined && credentials.expiration <= clock) {
      return { status: 'expired', statusText: 'credentials expired' };
    }
    const minutes =
      credentials.expiration !== undefined
        ? Math.floor((credentials.expiration - clock) / 60_000)
        : undefined;
    return {
      status: 'credentials',
      statusText: `holding AWS credentials${minutes !== undefined ? ` (${minutes} min left)` : ''}`,
    };
  }
  if (held?.idToken || held?.googleIdToken || held?.samlResponse)
    return { status: 'signed-in', statusText: 'signed in (holding tokens)' };
  if (held?.identityId) return { status: 'signed-in', statusText: 'has an identity id' };
  return { status: 'idle' };
}

export function buildGraph({ scenario, entries, position, clock }: GraphInput): {
  nodes: ServiceNode[];
  edges: PacketEdge[];
} {
  const activeIndex = position - 1;
  const activeStep = scenario.steps[activeIndex];
  const activeEntry = entries[activeIndex];
  const latest = entries[entries.length - 1];
  const used = new Set<ActorId>(scenario.actors);

  const nodes: ServiceNode[] = (Object.keys(ACTORS) as ActorId[])
    .filter((actor) => ACTORS[actor].pipeline || used.has(actor))
    .map((actor) => {
      const look = ACTORS[actor];
      const active =
        !!activeStep &&
        (activeStep.from === actor || activeStep.to === actor || !!activeStep.via?.includes(actor));
      let status: NodeStatus = 'idle';
      let statusText: string | undefined;
      if (actor === 'app' || actor === 'developer' || actor === 'broker') {
        if (activeStep?.from === actor || (actor === 'app' && !activeStep))
          ({ status, statusText } = appStatus(latest, clock));
      } else if (activeStep?.to === actor && activeEntry) {
        if (activeEntry.outcome === 'success' || activeEntry.outcome === 'off-wire') status = 'ok';
        else if (activeEntry.outcome === 'network-error') status = 'unreachable';
        else if (activeEntry.outcome === 'aws-error') status = 'denied';
        statusText =
          status === 'ok'
            ? 'answered'
            : status === 'denied'
              ? `refused (${activeEntry.response?.status ?? ''})`
              : status === 'unreachable'
                ? 'not reachable'
                : undefined;
      }
      return {
        id: actor,
        type: 'service' as const,
        position: { x: look.x, y: look.y },
        data: {
          actor,
          label: look.label,
          kind: look.kind,
          status,
          statusText,
          active,
          inScenario: used.has(actor),
        },
        draggable: false,
        selectable: false,
      };
    });

  const edges = new Map<string, PacketEdge>();
  const addEdge = (from: ActorId, to: ActorId, label: string, internal: boolean, index: number) => {
    const id = edgeId(from, to);
    const state: EdgeState =
      index === activeIndex
        ? entryFailed(activeEntry)
          ? 'failed'
          : 'active'
        : index < activeIndex
          ? 'done'
          : 'pending';
    const existing = edges.get(id);
    const rank = { pending: 0, done: 1, failed: 2, active: 3 } as const;
    if (existing?.data) {
      if (!existing.data.label.split(' · ').includes(label)) existing.data.label += ` · ${label}`;
      if (rank[state] > rank[existing.data.state]) existing.data.state = state;
      return existing;
    }
    const edge: PacketEdge = {
      id,
      source: from,
      target: to,
      ...handlesFor(from, to),
      type: 'packet',
      data: { label, state, internal },
    };
    edges.set(id, edge);
    return edge;
  };

  scenario.steps.forEach((step, index) => {
    // The answer to the first sign-in is numbered 1.5 on the diagram: "receive the JWTs".
    const answer = step.label === '1' && step.returns === 'jwt' ? ' · 1.5 JWTs back' : '';
    const edge = addEdge(step.from, step.to, `${step.label} ${step.operation}${answer}`, false, index);
    if (index === activeIndex && edge.data) {
      edge.data.packet = { out: step.packet, back: entryFailed(activeEntry) ? 'denied' : step.returns };
    }
    let hop: ActorId = step.to;
    for (const next of step.via ?? []) {
      const inner = addEdge(hop, next, internalLabel(hop, next), true, index);
      // Internal hops only light up when the call really got that far (the trace says so).
      if (index === activeIndex && inner.data && activeEntry?.events.some((e) => touches(e.kind, next))) {
        inner.data.packet = { out: 'signedRequest', back: entryFailed(activeEntry) ? 'denied' : 'data' };
      }
      hop = next;
    }
  });

  return { nodes, edges: [...edges.values()] };
}

/** Which side of each box an edge leaves and enters, so lines read left to right. */
export function handlesFor(from: ActorId, to: ActorId): { sourceHandle: string; targetHandle: string } {
  const a = ACTORS[from];
  const b = ACTORS[to];
  if (a.x === b.x)
    return b.y > a.y
      ? { sourceHandle: 'bottom', targetHandle: 'top' }
      : { sourceHandle: 'top', targetHandle: 'bottom' };
  return b.x > a.x
    ? { sourceHandle: 'right', targetHandle: 'left' }
    : { sourceHandle: 'left', targetHandle: 'right' };
}

function internalLabel(from: ActorId, to: ActorId): string {
  if (to === 'iam') return 'policy check';
  if (from === 'identityPool' && to === 'sts') return 'STS, inside AWS';
  return 'inside AWS';
}

function touches(kind: string, actor: ActorId): boolean {
  if (actor === 'iam') return kind === 'iam.decision';
  if (actor === 'sts') return kind.startsWith('sts') || kind === 'iam.decision' || kind === 'token.issued';
  return false;
}
