import type { Edge, Node } from '@xyflow/react';
import type { HeldValues, TraceEntry } from '../../player/create-player';
import { type ActorId, heldBy, type PacketKind, type Scenario } from '../../scenarios/types';
import type { Arrival } from '../../store/types';
import { ACTORS, actorLook } from './actors';
import { DRAWING_FRAMES } from './drawing-frames';
import {
  type Box,
  boundsAround,
  labelSize,
  layoutActors,
  NODE_H,
  NODE_W,
  type Orientation,
  type Point,
  placeLabel,
  routeEdge,
} from './layout';
import { type FlightObstacles, type FlightPlan, planLegs } from './layout-flight';
import { layoutActorsVertical, routeEdgesVertical } from './layout-vertical';
import { labelBoxes, placeLabelsAndWordsVertical } from './layout-vertical-labels';
import { boxText, placesForWords, type WordsPlace, wordsSize } from './layout-vertical-words';
import { packetWords } from './packet-words';

/**
 * Pure: (scenario, trace, position, clock) → the boxes and lines, in React Flow's node and edge shape. Nothing here reads the DOM
 * or the store, so it is unit-tested without rendering.
 */

export type NodeStatus = 'idle' | 'signed-in' | 'credentials' | 'expired' | 'ok' | 'denied' | 'unreachable';

export interface ServiceNodeData extends Record<string, unknown> {
  actor: ActorId;
  label: string;
  kind: string;
  about: string;
  status: NodeStatus;
  /** Words for screen readers and the tooltip, e.g. "holding AWS credentials (58 min left)". */
  statusText?: string;
  /** The same, short enough for the badge on the box, e.g. "credentials". */
  badge?: string;
  active: boolean;
  inScenario: boolean;
}
export type ServiceNode = Node<ServiceNodeData, 'service'>;

export type EdgeState = 'pending' | 'active' | 'done' | 'failed';

export interface PacketEdgeData extends Record<string, unknown> {
  /** Step numbers and operations that use this edge, e.g. "2 GetId · 2 GetCredentialsForIdentity". */
  label: string;
  /** The label as drawn: one line per step (long lists folded), and where its centre sits. */
  labelLines: string[];
  labelAt: Point;
  /**
   * On a phone, where the label stands in the gutter away from its line: the leader that ties it to the
   * line, from the label's edge to a point on the route (layout-vertical-labels.ts).
   */
  labelLeader?: [Point, Point];
  /**
   * On a phone, the x of the label's left side: the label is drawn from there rather than centred on
   * labelAt, since the width estimate (labelSize) runs wider than the text, and a centred label would
   * stand off the leader's end or its line by half the difference.
   */
  labelLeft?: number;
  /** On a phone, the x of the label's right side, for a label tied to its line there (left of a lane). */
  labelRight?: number;
  /** The orthogonal route in flow coordinates (clear of other boxes). */
  points: Point[];
  state: EdgeState;
  /** Internal hop (inside AWS) rather than a request from the caller. */
  internal: boolean;
  /**
   * The packet on this edge now: kind out, kind back, and what it carries in words on each leg
   * (drawn beside the dot); undefined when nothing travels.
   */
  packet?: {
    out: PacketKind;
    back: PacketKind;
    outWords?: string;
    backWords?: string;
    /**
     * Where the words go once the packet has landed, clear of the labels and the boxes' text (on a
     * phone, of the boxes and leaders too: layout-vertical-labels.ts); without it, where no place by
     * the dot is clear, DiagramLines.tsx looks for one on the drawn page.
     */
    landedWords?: WordsPlace;
    /**
     * Where the words ride while the packet travels, along its route on each leg, clear of the line
     * labels and the boxes' text, or fading the labels they must pass (layout-flight.ts).
     */
    flight?: FlightPlan;
  };
}
export type PacketEdge = Edge<PacketEdgeData, 'packet'>;

export interface GraphInput {
  scenario: Scenario;
  entries: TraceEntry[];
  /** Steps completed; the active step is `position - 1`. */
  position: number;
  clock: number;
  /** Where the current step's packet is; a box changes state when it arrives (default: landed). */
  arrival?: Arrival;
  /** Left to right (wide screens, the default) or top to bottom (phones). */
  orientation?: Orientation;
}

export type { Orientation };

function edgeId(from: ActorId, to: ActorId) {
  return `${from}->${to}`;
}

function entryFailed(entry: TraceEntry | undefined): boolean {
  return !!entry && entry.outcome !== 'success' && entry.outcome !== 'off-wire';
}

function appStatus(
  held: HeldValues | undefined,
  clock: number,
): { status: NodeStatus; statusText?: string; badge?: string } {
  const credentials = held?.credentials;
  if (credentials) {
    if (credentials.expiration !== undefined && credentials.expiration <= clock) {
      // The badge has room for one short word ("credentials ex…" was cut); the full words are in the name.
      return { status: 'expired', statusText: 'credentials expired', badge: 'expired' };
    }
    const minutes =
      credentials.expiration !== undefined
        ? Math.floor((credentials.expiration - clock) / 60_000)
        : undefined;
    return {
      status: 'credentials',
      statusText: `holding AWS credentials${minutes !== undefined ? ` (${minutes} min left)` : ''}`,
      // The box has room for one short word; the minutes are in the name and the Credentials tab.
      badge: 'credentials',
    };
  }
  if (held?.idToken || held?.googleIdToken || held?.samlResponse)
    return { status: 'signed-in', statusText: 'signed in (holding tokens)', badge: 'signed in' };
  if (held?.identityId)
    return { status: 'signed-in', statusText: 'has an identity id', badge: 'identity id' };
  return { status: 'idle' };
}

/** Longest line of an edge label, in characters (labels sit between columns; see layout.ts). */
const LINE_CHARS = 20;
/**
 * A single word longer than this is shown on two lines if it is an API name (split between two of its
 * camel-case words); anything else (a URL) is cut with an ellipsis, and the step list has it in full.
 */
const WORD_CHARS = 27;

/**
 * An over-long API name cut in two at the camel-case boundary that leaves the longer half shortest
 * ("GetOpenIdTokenFor", "DeveloperIdentity"): a name cut with an ellipsis hid the very operation the
 * label is there to name. Undefined when the word is no such name or a half would still be too long.
 */
function splitApiName(word: string): [string, string] | undefined {
  if (!/^[A-Za-z]+$/.test(word)) return undefined;
  let best: [string, string] | undefined;
  for (let i = 1; i < word.length; i += 1) {
    if (!/[a-z]/.test(word[i - 1] as string) || !/[A-Z]/.test(word[i] as string)) continue;
    const halves: [string, string] = [word.slice(0, i), word.slice(i)];
    const longest = Math.max(halves[0].length, halves[1].length);
    if (longest <= WORD_CHARS && (!best || longest < Math.max(best[0].length, best[1].length))) best = halves;
  }
  return best;
}

/** Breaks one "N Operation" entry into lines of at most LINE_CHARS, at spaces. */
function wrap(entry: string): string[] {
  const lines: string[] = [];
  let line = '';
  const add = (word: string) => {
    // A step number stays with its operation.
    if (line && !/^[\d.]+$/.test(line) && line.length + 1 + word.length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  };
  for (const raw of entry.split(' ')) {
    if (raw.length <= WORD_CHARS) add(raw);
    else {
      const halves = splitApiName(raw);
      if (!halves) add(`${raw.slice(0, WORD_CHARS - 1)}…`);
      else {
        // The second half always starts a line of its own: a space between them would split the name.
        add(halves[0]);
        lines.push(line);
        line = halves[1];
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Lines of an edge label: one entry per step ("2 GetId"), a repeated step number dropped on the next
 * entry, long entries wrapped; more than two entries fold into the active one and the other numbers.
 */
export function labelLinesFor(entries: readonly string[], activeEntry: string | undefined): string[] {
  let shown: string[];
  if (entries.length <= 2) {
    const [first, second] = entries;
    shown = first ? [first] : [];
    if (second) {
      const number = first?.split(' ')[0];
      shown.push(second.split(' ')[0] === number ? second.slice((number?.length ?? 0) + 1) : second);
    }
  } else {
    const main = activeEntry ?? (entries[0] as string);
    const numbers = [...new Set(entries.filter((e) => e !== main).map((e) => e.split(' ')[0]))].join(', ');
    shown = [main, `also ${numbers}`];
  }
  return shown.flatMap(wrap);
}

export function buildGraph({
  scenario,
  entries,
  position,
  clock,
  arrival = 'landed',
  orientation = 'horizontal',
}: GraphInput): {
  nodes: ServiceNode[];
  edges: PacketEdge[];
  /** Everything drawn (boxes, routes, labels), for fitting the view. */
  bounds: Box;
} {
  const activeIndex = position - 1;
  const activeStep = scenario.steps[activeIndex];
  const activeEntry = entries[activeIndex];
  // The app's box shows what it holds once the answer is home; until then, what it held before.
  const latest = arrival === 'landed' ? entries[entries.length - 1] : entries[activeIndex - 1];
  // The called service shows its verdict once the request reaches it.
  const reached = arrival !== 'sending';
  // Every actor a step touches counts as used, even one the scenario's list leaves out (an IAM hop).
  const used = new Set<ActorId>([
    ...scenario.actors,
    ...scenario.steps.flatMap((step) => [step.from, step.to, ...(step.via ?? [])]),
  ]);
  // Only the boxes the scenario uses: unused ones used to push the real path off the first screen
  // (in the STS scenarios it ran along the bottom under eight greyed boxes).
  const drawn = (Object.keys(ACTORS) as ActorId[]).filter((actor) => used.has(actor));
  const vertical = orientation === 'vertical';
  const boxes = vertical ? layoutActorsVertical(drawn) : layoutActors(drawn);

  const nodes: ServiceNode[] = drawn.map((actor) => {
    const look = actorLook(actor, scenario);
    const box = boxes[actor] as Box;
    // A service the call consults inside AWS (IAM, STS) lights only when the trace shows the call got
    // there: a request refused at its signature never reaches the policy check, and the box saying
    // otherwise contradicted the IAM tab ("no IAM evaluation in this step").
    const consulted =
      !!activeStep?.via?.includes(actor) &&
      (!activeEntry || activeEntry.events.some((e) => touches(e.kind, actor)));
    const active = !!activeStep && (activeStep.from === actor || activeStep.to === actor || consulted);
    let status: NodeStatus = 'idle';
    let statusText: string | undefined;
    let badge: string | undefined;
    if (actor === 'app' || actor === 'developer' || actor === 'broker') {
      if (activeStep?.from === actor || (actor === 'app' && !activeStep))
        ({ status, statusText, badge } = appStatus(heldBy(scenario, actor, latest?.held), clock));
    } else if (activeStep?.to === actor && activeEntry && reached) {
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
      badge = statusText;
    }
    return {
      id: actor,
      type: 'service' as const,
      position: { x: box.x, y: box.y },
      width: NODE_W,
      height: NODE_H,
      data: {
        actor,
        label: look.label,
        kind: look.kind,
        about: look.about,
        status,
        statusText,
        badge,
        active,
        inScenario: used.has(actor),
      },
    };
  });

  const edges = new Map<string, PacketEdge>();
  const parts = new Map<string, string[]>();
  const activeParts = new Map<string, string>();
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
    if (index === activeIndex && !activeParts.has(id)) activeParts.set(id, label);
    const existing = edges.get(id);
    const rank = { pending: 0, done: 1, failed: 2, active: 3 } as const;
    if (existing?.data) {
      const list = parts.get(id) as string[];
      if (!list.includes(label)) list.push(label);
      if (rank[state] > rank[existing.data.state]) existing.data.state = state;
      return existing;
    }
    parts.set(id, [label]);
    const edge: PacketEdge = {
      id,
      source: from,
      target: to,
      type: 'packet',
      data: {
        label,
        labelLines: [],
        labelAt: { x: 0, y: 0 },
        points: vertical ? [] : routeEdge(from, to, boxes),
        state,
        internal,
      },
    };
    edges.set(id, edge);
    return edge;
  };

  scenario.steps.forEach((step, index) => {
    const edge = addEdge(step.from, step.to, `${step.label} ${step.operation}`, false, index);
    // The answer to the first sign-in is numbered 1.5 on the diagram: "receive the JWTs".
    if (step.label === '1' && step.returns === 'jwt')
      addEdge(step.from, step.to, '1.5 JWTs back', false, index);
    if (index === activeIndex && edge.data) {
      const refused = entryFailed(activeEntry);
      const words = packetWords(step, refused, activeEntry?.request?.body);
      edge.data.packet = {
        out: step.packet,
        back: refused ? 'denied' : step.returns,
        outWords: words.out,
        backWords: words.back,
      };
    }
    let hop: ActorId = step.to;
    // Inside AWS, a hop counts for the step that ran only when the trace shows the call got there
    // (a refusal before the policy check, or a call no policy decides, leaves "policy check" dark).
    const ran = entries[index];
    for (const next of step.via ?? []) {
      const reached = !ran || ran.events.some((e) => touches(e.kind, next));
      const inner = addEdge(
        hop,
        next,
        internalLabel(hop, next),
        true,
        reached ? index : Number.POSITIVE_INFINITY,
      );
      // Internal hops only light up when the call really got that far (the trace says so).
      if (index === activeIndex && inner.data && activeEntry?.events.some((e) => touches(e.kind, next))) {
        inner.data.packet = { out: 'signedRequest', back: entryFailed(activeEntry) ? 'denied' : 'data' };
      }
      hop = next;
    }
  });

  const list = [...edges.values()];
  const nodeBoxes = drawn.map((actor) => boxes[actor] as Box);
  for (const edge of list) {
    const data = edge.data as PacketEdgeData;
    const all = parts.get(edge.id) as string[];
    data.label = all.join(' · ');
    // Policy checks on the bus right of the services carry no label: the dashed line says "inside AWS",
    // and the one labelled check (STS → IAM) names it.
    data.labelLines = busEdge(edge) ? [] : labelLinesFor(all, activeParts.get(edge.id));
  }
  // What the packet's words keep clear of, in flight and landed: the boxes' lines of text.
  const texts = nodes.flatMap(({ position, data }) =>
    boxText({ ...position, w: NODE_W, h: NODE_H }, data.label, data.kind, data.badge),
  );
  if (vertical) {
    const routes = routeEdgesVertical(
      list.map((e) => ({ from: e.source as ActorId, to: e.target as ActorId })),
      boxes,
      corridorWidth(list, parts),
    );
    const sizes = list.map((e) => {
      const lines = (e.data as PacketEdgeData).labelLines;
      return lines.length ? labelSize(lines) : null;
    });
    // The packet lands back where its line starts: its words' place is found with the labels'.
    const carrier = list.findIndex((e) => e.data?.packet?.backWords);
    const packet = list[carrier]?.data?.packet;
    const dot = routes[carrier]?.[0];
    const landing =
      packet?.backWords && dot ? { dot, size: wordsSize(packet.backWords), own: carrier, texts } : undefined;
    const placed = placeLabelsAndWordsVertical(routes, sizes, nodeBoxes, landing);
    list.forEach((edge, i) => {
      const data = edge.data as PacketEdgeData;
      data.points = routes[i] ?? [];
      data.labelAt = placed.labels[i]?.at ?? { x: 0, y: 0 };
      const leader = placed.labels[i]?.leader;
      if (leader) data.labelLeader = leader;
      const size = sizes[i];
      if (size && placed.labels[i]?.right) data.labelRight = data.labelAt.x + size.w / 2;
      else if (size) data.labelLeft = data.labelAt.x - size.w / 2;
    });
    const route = routes[carrier];
    if (packet && route) {
      if (placed.words) packet.landedWords = placed.words;
      const obstacles = {
        routes,
        own: carrier,
        labels: labelBoxes(placed.labels, sizes).flatMap((box, i) =>
          box.w > 0 ? [{ box, id: list[i]?.id as string, own: i === carrier }] : [],
        ),
        leaders: placed.labels.flatMap((l) => (l.leader ? [l.leader] : [])),
        texts,
        boxes: nodeBoxes,
        frame: placed.frame,
      };
      packet.flight = planLegs(route, packet, obstacles);
    }
    return { nodes, edges: list, bounds: placed.frame };
  }

  // Labels go where they cover no box, no other label and no other edge's line.
  const placed: Box[] = [];
  const labels: { box: Box; id: string }[] = [];
  for (const edge of list) {
    const data = edge.data as PacketEdgeData;
    if (data.labelLines.length === 0) continue;
    const size = labelSize(data.labelLines);
    const lines = list.filter((e) => e !== edge).map((e) => (e.data as PacketEdgeData).points);
    data.labelAt = placeLabel(data.points, size, { nodes: nodeBoxes, labels: placed, lines });
    const box = { x: data.labelAt.x - size.w / 2, y: data.labelAt.y - size.h / 2, ...size };
    placed.push(box);
    labels.push({ box, id: edge.id });
  }
  const bounds = boundsOf([...nodeBoxes, ...placed], list);
  // The words' flight, planned with the labels (their own line's among them: it sits on the route).
  const carrier = list.findIndex((e) => e.data?.packet?.outWords);
  const packet = list[carrier]?.data?.packet;
  const route = list[carrier]?.data?.points;
  if (packet && route && route.length > 1) {
    const obstacles = {
      routes: list.map((e) => (e.data as PacketEdgeData).points),
      own: carrier,
      labels: labels.map((label) => (label.id === list[carrier]?.id ? { ...label, own: true } : label)),
      leaders: [],
      texts,
      boxes: nodeBoxes,
      frame: canvasRoom(DRAWING_FRAMES[scenario.id]?.horizontal ?? bounds),
    };
    packet.flight = planLegs(route, packet, obstacles);
    const landed = landedPlace(route[0] as Point, packet.backWords, carrier, obstacles);
    if (landed) packet.landedWords = landed;
  }
  return { nodes, edges: list, bounds };
}

/**
 * Where the words of a packet landed at `dot` (its line's start) rest on the wide diagram, found in the
 * layout pass as on a phone: clear of the labels and the boxes' text, and of every box where there is
 * room. Found after paint on the drawn page instead, the words stood for a frame or two at a first
 * place (above the dot) over the label of the line they came back along, drawn at full strength again
 * once the flight was over (enhanced-flow step 2's "identity id" on "2 GetId"). Undefined where no place
 * is clear: DiagramLines.tsx then looks on the drawn page, the label kept faded until it has.
 */
function landedPlace(
  dot: Point,
  words: string | undefined,
  own: number,
  { routes, labels, texts, boxes, frame }: FlightObstacles,
): WordsPlace | undefined {
  if (!words) return undefined;
  const landing = { dot, size: wordsSize(words), own, texts };
  const around = { routes, boxes, texts, labels: labels.map(({ box }) => box), leaders: [], frame };
  for (const overBoxes of [false, true]) {
    const [clear] = placesForWords(landing, around, overBoxes);
    if (clear) return clear.place;
  }
  return undefined;
}

/**
 * The wide canvas is never less than 260 px tall (.diagram__canvas in diagram.css), and the fit never
 * zooms in past 1.15 (FlowCanvas.tsx): a drawing less tall than this many flow units has room above
 * and below it in the canvas. (Change either number and this one goes with it.)
 */
const CANVAS_MIN_HEIGHT = 260 / 1.15;

/**
 * What the canvas shows round a scenario's drawing (`frame`, the view fits it, centred): the frame,
 * as tall as CANVAS_MIN_HEIGHT at least. A scenario of two boxes side by side draws 80 units tall, and
 * the words of a packet on the line between them have room only above or below the boxes.
 */
export function canvasRoom(frame: Box): Box {
  const grow = Math.max(0, CANVAS_MIN_HEIGHT - frame.h) / 2;
  return { x: frame.x, y: frame.y - grow, w: frame.w, h: frame.h + 2 * grow };
}

/**
 * How wide the phone's label corridor is (layout-vertical.ts): as wide as the widest label any step of
 * the scenario draws, the label of a line with many steps changing with the active one, so the lanes
 * right of it stay put from step to step.
 */
function corridorWidth(edges: readonly PacketEdge[], parts: ReadonlyMap<string, string[]>): number {
  let widest = 0;
  for (const edge of edges) {
    if (busEdge(edge)) continue;
    const all = parts.get(edge.id) ?? [];
    for (const active of [undefined, ...all])
      widest = Math.max(widest, labelSize(labelLinesFor(all, active)).w);
  }
  return widest;
}

function boundsOf(boxes: Box[], edges: PacketEdge[]): Box {
  return boundsAround(
    boxes,
    edges.flatMap((e) => e.data?.points ?? []),
  );
}

function busEdge(edge: PacketEdge): boolean {
  return edge.target === 'iam' && edge.source !== 'sts';
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
