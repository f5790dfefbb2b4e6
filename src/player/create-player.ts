import {
  type HeldValues,
  type Scenario,
  type ScenarioVars,
  StepBlocked,
  type StepContext,
} from '../scenarios/types';
import type { Cloud, CloudOptions, Demo, TraceEvent } from '../sim/index';
import { loadSigner, signForService } from '../wire/signer';
import { type Checkpoint, clockAt, copyVars, createRunRecord } from './record';
import {
  type ClockJump,
  clockMoveFits,
  MAX_CLOCK_JUMP_MS,
  SIMULATION_SEED,
  SIMULATION_START,
  STEP_GAP_MS,
} from './timeline';
import { captureRequest, captureResponse, requestIdOf, type WireRequest, type WireResponse } from './wire';
import { type WorldFacts, worldFactsOf } from './world-facts';
import { yieldToMain } from './yield';

/**
 * Runs a scenario against a simulated cloud, one step at a time, and records what happened.
 * What has run is recorded (record.ts): seeking to a step already run shows its record at once, and
 * the next step resumes from that position's cloud snapshot (the engine is deterministic under seed and clock).
 */

/** What the app holds after a step, for the token and credential inspectors (scenarios/types.ts). */
export type { HeldValues };

export type StepOutcome = 'success' | 'aws-error' | 'network-error' | 'blocked' | 'off-wire' | 'failure';

export interface TraceEntry {
  index: number;
  stepId: string;
  /** Simulation time when the step ran. */
  at: number;
  outcome: StepOutcome;
  request?: WireRequest;
  response?: WireResponse;
  requestId?: string;
  /** Why nothing (or nothing useful) was sent, in words. */
  note?: string;
  /** Set when a signed step went out unsigned. */
  unsignedBecause?: string;
  events: TraceEvent[];
  held: HeldValues;
}

export interface PlayerSnapshot {
  scenarioId: string;
  /** Steps completed, 0…steps.length. */
  position: number;
  entries: TraceEntry[];
  busy: boolean;
  /** Simulation clock, epoch ms. */
  clock: number;
  /** Set when the cloud itself could not be created. */
  error?: string;
  /** The demo world's ids as plain data (functions dropped), for code samples; absent until created. */
  demo?: DemoData;
  /** The demo world's roles, policies and role mappings, read from the engine once per scenario. */
  world?: WorldFacts;
  /** The reader's clock jumps still in effect (a deep link carries them, so a replay reproduces them). */
  clockJumps: readonly ClockJump[];
}

/** `Demo` without its sign-in functions: what can live in a store and a code sample. */
export type DemoData = Demo;

export interface PlayerOptions {
  scenario: Scenario;
  createCloud: (options: CloudOptions) => Promise<Cloud>;
  /** Start of the simulation clock (default SIMULATION_START). */
  now?: number;
  seed?: string;
  /** Clock jumps to apply as the run reaches their positions (from a deep link). */
  clockJumps?: readonly ClockJump[];
}

export interface Player {
  /** Creates the cloud now (call it when the page is idle), so the first step does not wait for it. */
  prepare(): Promise<void>;
  step(): Promise<void>;
  seek(position: number): Promise<void>;
  reset(): Promise<void>;
  /** Moves the simulation clock forward now; replays repeat the jump at the same position. */
  advanceClock(ms: number): Promise<void>;
  subscribe(listener: () => void): () => void;
  getSnapshot(): PlayerSnapshot;
}

interface Run {
  cloud: Cloud;
  /** Steps this cloud has run (the position it is at). */
  at: number;
  vars: ScenarioVars;
  events: TraceEvent[];
  unsubscribe: () => void;
}

export function createPlayer({
  scenario,
  createCloud,
  now = SIMULATION_START,
  seed = SIMULATION_SEED,
  clockJumps = [],
}: PlayerOptions): Player {
  let clock = now;
  let jumps: ClockJump[] = clockJumps.map((j) => ({ ...j }));
  let run: Promise<Run> | undefined;
  // The world a scenario starts from is the same on every replay, so it is read once.
  let world: WorldFacts | undefined;
  const record = createRunRecord<TraceEntry>();
  let snapshot: PlayerSnapshot = {
    scenarioId: scenario.id,
    position: 0,
    entries: [],
    busy: false,
    clock,
    clockJumps: jumps,
  };
  const listeners = new Set<() => void>();
  let queue: Promise<void> = Promise.resolve();

  function publish(patch: Partial<PlayerSnapshot>) {
    snapshot = { ...snapshot, ...patch, clock, clockJumps: jumps };
    for (const listener of listeners) listener();
  }

  function attach(cloud: Cloud, at: number, vars: ScenarioVars): Run {
    const events: TraceEvent[] = [];
    const unsubscribe = cloud.subscribe((event) => events.push(event));
    return { cloud, at, vars, events, unsubscribe };
  }

  /** A cloud at position 0, seeded cold the first time and restored from its snapshot after that. */
  function fresh(): Promise<Run> {
    const start = record.checkpoints[0];
    if (start) return restore(0, start);
    clock = now;
    // The scenario's id names its random stream: the same demo world in every scenario, but the ids
    // minted while playing (identity ids, access keys) are its own, and a replay gives them again.
    return createCloud({ seed, runSeed: scenario.id, now: () => clock }).then((cloud) => {
      world ??= worldFactsOf(cloud);
      publish({ demo: JSON.parse(JSON.stringify(cloud.demo)) as DemoData, world });
      const vars: ScenarioVars = { extra: {} };
      const checkpoint = { snapshot: cloud.snapshot(), vars: copyVars(vars), clock: now };
      record.keep(0, checkpoint);
      clock = clockAt(checkpoint, jumps, 0);
      return attach(cloud, 0, vars);
    });
  }

  function restore(position: number, checkpoint: Checkpoint): Promise<Run> {
    clock = clockAt(checkpoint, jumps, position);
    return createCloud({ snapshot: checkpoint.snapshot, now: () => clock }).then((cloud) =>
      attach(cloud, position, copyVars(checkpoint.vars)),
    );
  }

  /** A run at `position` (a recorded one): the current cloud if it is there, else one restored. */
  async function runAt(position: number): Promise<Run> {
    if (run) {
      const current = await run.catch(() => undefined);
      const checkpoint = record.checkpoints[position];
      if (current && current.at === position && checkpoint) {
        // A seek elsewhere and back moved the shown clock; the cloud resumes on this position's.
        clock = clockAt(checkpoint, jumps, position);
        return current;
      }
      current?.unsubscribe();
      run = undefined;
    }
    const checkpoint = record.checkpoints[position];
    run = position === 0 ? fresh() : checkpoint ? restore(position, checkpoint) : undefined;
    if (!run) throw new Error(`no record of position ${position} in ${scenario.id}`);
    return run;
  }

  async function runStep(current: Run, index: number): Promise<TraceEntry> {
    const step = scenario.steps[index];
    if (!step) throw new Error(`no step ${index} in ${scenario.id}`);
    clock += STEP_GAP_MS + (step.advanceClockMs ?? 0);
    const at = clock;
    current.events.length = 0;
    let request: WireRequest | undefined;
    let response: WireResponse | undefined;
    let unsignedBecause: string | undefined;
    const ctx: StepContext = {
      demo: current.cloud.demo,
      region: current.cloud.demo.region,
      vars: current.vars,
      now: () => clock,
      need(value, what) {
        if (value === undefined || value === null)
          throw new StepBlocked(`Not sent: it needs ${what}, and no earlier step produced it.`);
        return value;
      },
      async sign(req, credentials, service) {
        const outcome = await signForService(req, credentials, {
          service,
          region: current.cloud.demo.region,
          now: clock,
        });
        unsignedBecause = outcome.unsignedBecause;
        return outcome.request;
      },
      async fetch(req) {
        if (request) throw new Error(`step ${step.id} made a second request; a step makes at most one`);
        request = await captureRequest(req);
        // The engine's work (signature checks, policy evaluation) gets a task of its own.
        await yieldToMain();
        const res = await current.cloud.fetch(req);
        await yieldToMain();
        response = await captureResponse(res);
        return res;
      },
    };
    let outcome: StepOutcome;
    let note: string | undefined;
    try {
      await step.run(ctx);
      outcome =
        step.offWire && !request ? 'off-wire' : response && response.status < 400 ? 'success' : 'aws-error';
      if (outcome === 'off-wire') note = step.offWire;
    } catch (error) {
      if (error instanceof StepBlocked) {
        outcome = 'blocked';
        note = error.message;
      } else if (request && !response) {
        // cloud.fetch rejected: no simulated service answers this host (yet), as DNS failure would look.
        outcome = 'network-error';
        note = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      } else {
        outcome = 'failure';
        note = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
    const requestId = requestIdOf(response);
    const events = current.events.filter((e) => !requestId || e.requestId === requestId);
    const { extra: _extra, ...held } = current.vars;
    return {
      index,
      stepId: step.id,
      at,
      outcome,
      request,
      response,
      requestId,
      note,
      unsignedBecause,
      events,
      held: { ...held },
    };
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    queue = queue.then(task, task);
    return queue;
  }

  /** Runs steps from the furthest recorded position to `target`, recording each. */
  async function forwardTo(target: number) {
    const current = await runAt(Math.max(0, record.reach()));
    // A run of several steps shows only where it lands; each step still runs in its own tasks,
    // with a turn for the browser in between.
    while (current.at < target) {
      await yieldToMain();
      const entry = await runStep(current, current.at);
      current.at += 1;
      const reached = clock;
      for (const jump of jumps) if (jump.position === current.at) clock += jump.ms;
      record.keep(
        current.at,
        { snapshot: current.cloud.snapshot(), vars: copyVars(current.vars), clock: reached },
        entry,
      );
    }
  }

  async function seekTo(target: number) {
    const bounded = Math.max(0, Math.min(target, scenario.steps.length));
    // A jump made at a later position is undone by going back before it; one at the target stays.
    // What was run after the first dropped jump ran on a clock that no longer applies.
    const dropped = jumps.filter((j) => j.position > bounded);
    if (dropped.length > 0) {
      jumps = jumps.filter((j) => j.position <= bounded);
      record.cutAt(Math.min(...dropped.map((j) => j.position)));
    }
    const recorded = record.checkpoints[bounded];
    if (bounded <= record.reach() && recorded) {
      // Already run: show it at once. The cloud catches up from this position's snapshot on the next step.
      clock = clockAt(recorded, jumps, bounded);
      publish({
        position: bounded,
        entries: record.entries.slice(0, bounded),
        busy: false,
        error: undefined,
      });
      return;
    }
    publish({ busy: true });
    try {
      await forwardTo(bounded);
      publish({
        position: bounded,
        entries: record.entries.slice(0, bounded),
        busy: false,
        error: undefined,
      });
    } catch (error) {
      publish({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    prepare: () =>
      enqueue(async () => {
        // The reader's first act (a pointer moving onto Play, say) asks for this. The engine's import
        // starts in a task of its own: a press handled together with that act (the browser dispatches
        // a pointer move queued before a click in the click's task) then paints its answer without the
        // import's work, which made the first play's longest task pass 50 ms on a slow CPU.
        await yieldToMain();
        if (!run) run = fresh();
        try {
          // The SigV4 signer is a chunk of its own: load it now too, not in the middle of a step.
          await Promise.all([run, loadSigner()]);
        } catch (error) {
          run = undefined;
          publish({ error: error instanceof Error ? error.message : String(error) });
        }
      }),
    step: () => enqueue(() => seekTo(snapshot.position + 1)),
    seek: (position) => enqueue(() => seekTo(position)),
    reset: () =>
      enqueue(async () => {
        // Without the reader's jumps, what ran after the first of them no longer applies.
        if (jumps.length > 0) record.cutAt(Math.min(...jumps.map((j) => j.position)));
        jumps = [];
        await seekTo(0);
      }),
    advanceClock: (ms) =>
      enqueue(async () => {
        const { position } = snapshot;
        // Moves at one position add up into one, so that a link (at most MAX_CLOCK_JUMPS moves of at most
        // MAX_CLOCK_JUMP_MS each) carries every click; past those bounds the clock does not move.
        if (!clockMoveFits(jumps, position, ms)) return;
        const last = jumps[jumps.length - 1];
        if (last?.position === position && last.ms + ms <= MAX_CLOCK_JUMP_MS)
          jumps = [...jumps.slice(0, -1), { position, ms: last.ms + ms }];
        else jumps = [...jumps, { position, ms }];
        // The steps after this position will run on the moved clock.
        record.cutAt(position);
        clock += ms;
        publish({});
      }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
}
