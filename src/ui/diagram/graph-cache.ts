import type { TraceEntry } from '../../player/create-player';
import type { ClockJump } from '../../player/timeline';
import type { Scenario } from '../../scenarios/types';
import type { Arrival } from '../../store/types';
import { buildGraph, type Orientation } from './build-graph';
import { structureOf } from './step-data';

type Graph = ReturnType<typeof buildGraph>;
type Structure = ReturnType<typeof structureOf>;

export interface StepGraphInput {
  scenario: Scenario;
  entries: TraceEntry[];
  position: number;
  clock: number;
  arrival: Arrival;
  orientation: Orientation;
}

/**
 * Remembers each step's graph, so a reader going back and forth between steps (Back, a click in the
 * step list, the browser's Back) gets the drawing of a step already shown without laying its labels
 * out again. A step's graph depends on the entries up to it, and the player records each entry once
 * per run: the last entry's object names the run that reached the step (a replay after a clock move
 * records new entries, so its graphs are new too). Entries are held weakly: a dropped run's graphs go
 * with it.
 */
/** The value under `key` in a Map or WeakMap, made and kept on first use. */
function kept<K, V>(
  map: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: () => V,
): V {
  const known = map.get(key);
  if (known !== undefined) return known;
  const made = make();
  map.set(key, made);
  return made;
}

export function createGraphCache() {
  const byRun = new WeakMap<object, Map<string, Graph>>();
  const structures = new WeakMap<Scenario, Map<Orientation, Structure>>();
  function graphFor(input: StepGraphInput): Graph {
    const { scenario, entries, position, clock, arrival, orientation } = input;
    const run: object = entries[entries.length - 1] ?? scenario;
    const key = `${entries.length}|${position}|${clock}|${arrival}|${orientation}`;
    return kept(
      kept(byRun, run, () => new Map()),
      key,
      () => buildGraph(input),
    );
  }
  /**
   * React Flow's boxes and lines for the scenario (step-data.ts), the same object for as long as the
   * scenario is shown: taken from the first step graph built for it (any step's graph has the same
   * boxes, routes and ends), so opening a scenario builds one graph, not two.
   */
  function structureFor(scenario: Scenario, orientation: Orientation, graph: Graph): Structure {
    return kept(
      kept(structures, scenario, () => new Map()),
      orientation,
      () => structureOf(graph),
    );
  }
  return { graphFor, structureFor };
}

/**
 * The graph inputs of every other step a seek can show without running anything: the recorded steps
 * 1…entries.length, each with its packet landed and its clock as the player restores it (the time the
 * step ran, plus the reader's clock jumps made at that position). Building these ahead, in idle time,
 * lets a seek reuse them (graphFor keys them exactly as the seek will). Nearest first, the step before
 * ahead of the step after: Back is the likeliest next press, and a reader who presses it soon after the
 * page opens should not wait for the graphs of the far steps. (In 1…N order, a page opened at its last
 * step built the step before last; the first Back built it inside its own frame, 7 ms at 4× CPU.)
 */
export function recordedStepInputs(
  shown: StepGraphInput,
  clockJumps: readonly ClockJump[],
): StepGraphInput[] {
  const inputs: StepGraphInput[] = [];
  for (let position = 1; position <= shown.entries.length; position += 1) {
    if (position === shown.position) continue;
    const ran = shown.entries[position - 1]?.at ?? shown.clock;
    const jumped = clockJumps.filter((j) => j.position === position).reduce((t, j) => t + j.ms, ran);
    inputs.push({
      ...shown,
      entries: shown.entries.slice(0, position),
      position,
      clock: jumped,
      arrival: 'landed',
    });
  }
  const away = (input: StepGraphInput) => input.position - shown.position;
  return inputs.sort((a, b) => Math.abs(away(a)) - Math.abs(away(b)) || away(a) - away(b));
}
