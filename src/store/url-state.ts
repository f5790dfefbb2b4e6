import {
  type ClockJump,
  MAX_CLOCK_JUMP_MS as MAX_JUMP_MS,
  MAX_CLOCK_JUMPS as MAX_JUMPS,
} from '../player/timeline';
import { DEFAULT_SCENARIO_ID, findScenario, SCENARIO_FOR_IDENTITY } from '../scenarios/catalog';
import type { Identity } from '../scenarios/types';
import { View } from './types';

/**
 * What a deep link holds: `?scenario=enhanced-flow&as=userPool&step=3&view=flow&clock=3:300000`.
 * `clock` lists the reader's clock moves as position:milliseconds pairs, so a link reproduces an
 * expired token exactly.
 */
export interface UrlState {
  scenarioId?: string;
  identity?: Identity;
  step?: number;
  view?: View;
  /** The Learn chapter (`?view=learn&chapter=user-pool-vs-identity-pool`); only with the Learn view. */
  chapterId?: string;
  clockJumps?: ClockJump[];
}

const IDENTITIES: readonly string[] = ['guest', 'userPool', 'google', 'saml', 'iamUser', 'machine'];
/** Identities the switch offers no choice for (IAM keys, an app client's secret): no flow of their own. */
const WITHOUT_A_FLOW: readonly string[] = ['iamUser', 'machine'];
const hasOwnFlow = (identity: string): identity is keyof typeof SCENARIO_FOR_IDENTITY =>
  !WITHOUT_A_FLOW.includes(identity);
const VIEWS: readonly string[] = Object.values(View);
/**
 * A chapter id's shape. The chapter list itself loads with the Learn view (not on the first page), so
 * the link is checked for shape here and for existence there: an unknown id shows the chapter list.
 */
const CHAPTER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function parseClockJumps(value: string | null, steps: number): ClockJump[] | undefined {
  if (!value) return undefined;
  const jumps: ClockJump[] = [];
  for (const part of value.split(',').slice(0, MAX_JUMPS)) {
    const match = /^(\d{1,3}):(\d{1,10})$/.exec(part);
    if (!match) return undefined;
    const position = Number(match[1]);
    const ms = Number(match[2]);
    if (position > steps || ms < 1 || ms > MAX_JUMP_MS) return undefined;
    jumps.push({ position, ms });
  }
  return jumps;
}

/** Parses a query string; unknown or malformed values are dropped, never trusted. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  const scenario = findScenario(params.get('scenario'));
  if (scenario) state.scenarioId = scenario.id;
  // Who signs in follows from the scenario: an `as` that contradicts it is dropped, so the "Who is signing
  // in?" switch never shows a guest above a user-pool sign-in. Alone, it opens that identity's flow.
  // `as=iamUser` or `as=machine` alone names no flow of its own (the switch has no such choice): dropped too.
  const as = params.get('as');
  if (as && IDENTITIES.includes(as) && (scenario ? scenario.identity === as : hasOwnFlow(as)))
    state.identity = as as Identity;
  if (!scenario && state.identity && hasOwnFlow(state.identity))
    state.scenarioId = SCENARIO_FOR_IDENTITY[state.identity];
  // A step past the end is clamped to the last step of the scenario that opens, named or not.
  const opened = findScenario(state.scenarioId ?? DEFAULT_SCENARIO_ID);
  const step = Number(params.get('step'));
  if (params.has('step') && Number.isInteger(step) && step >= 0) {
    state.step = Math.min(step, opened?.steps.length ?? step);
  }
  const view = params.get('view');
  if (view && VIEWS.includes(view)) state.view = view as View;
  const chapter = params.get('chapter');
  if (state.view === 'learn' && chapter && CHAPTER_ID.test(chapter)) state.chapterId = chapter;
  const jumps = parseClockJumps(params.get('clock'), scenario?.steps.length ?? 0);
  if (jumps) state.clockJumps = jumps;
  return state;
}

export function formatUrlState(
  state: Required<Omit<UrlState, 'identity' | 'clockJumps' | 'chapterId'>> & {
    identity: Identity;
    clockJumps?: readonly ClockJump[];
    chapterId?: string;
  },
): string {
  // A Learn link names the view and the chapter only: a chapter always opens at its start, held before
  // its question, so the player's scenario and step are not part of it.
  if (state.view === 'learn') {
    const learn = new URLSearchParams({ view: 'learn' });
    if (state.chapterId) learn.set('chapter', state.chapterId);
    return `?${learn.toString()}`;
  }
  const params = new URLSearchParams({
    scenario: state.scenarioId,
    as: state.identity,
    step: String(state.step),
  });
  if (state.view !== 'flow') params.set('view', state.view);
  if (state.clockJumps?.length)
    params.set('clock', state.clockJumps.map((j) => `${j.position}:${j.ms}`).join(','));
  return `?${params.toString()}`;
}

/** The query keys a link of this app may hold; any other key is left to whoever added it. */
const URL_KEYS: readonly string[] = ['scenario', 'as', 'step', 'view', 'chapter', 'clock'];

/**
 * The link for what `search` opens, or undefined when `search` already says only that. A value the app
 * drops (`step=abc`, `view=nonsense`, an `as` the scenario contradicts) or clamps (`step=999`) would
 * otherwise stay in the address bar and describe a screen that is not shown. Values a link leaves out
 * (no `step` means step 0, no `view` means Flows) are not wrong, so a short link stays as it is.
 *
 * @example canonicalSearch('?scenario=guest&step=999') // '?scenario=guest&as=guest&step=5'
 */
export function canonicalSearch(search: string): string | undefined {
  const given = new URLSearchParams(search);
  const parsed = parseUrlState(search);
  const scenario = findScenario(parsed.scenarioId) ?? findScenario(DEFAULT_SCENARIO_ID);
  if (!scenario) return undefined;
  const view = parsed.view ?? 'flow';
  const canonical = formatUrlState({
    scenarioId: scenario.id,
    identity: parsed.identity ?? scenario.identity,
    step: parsed.step ?? 0,
    view,
    chapterId: parsed.chapterId,
    clockJumps: parsed.clockJumps,
  });
  const shown = new URLSearchParams(canonical);
  const honest = URL_KEYS.every((key) => {
    const values = given.getAll(key);
    if (values.length === 0) return true;
    if (values.length > 1) return false;
    // Flows is the view a link without `view` opens, so `view=flow` says the same thing.
    if (key === 'view' && values[0] === 'flow') return view === 'flow';
    return shown.get(key) === values[0];
  });
  return honest ? undefined : canonical;
}

/** Two lists of clock moves are the same moves. */
export function sameClockJumps(a: readonly ClockJump[] = [], b: readonly ClockJump[] = []): boolean {
  return a.length === b.length && a.every((j, i) => j.position === b[i]?.position && j.ms === b[i]?.ms);
}
