import { findScenario } from '../scenarios/catalog';
import type { Identity } from '../scenarios/types';
import { View } from './types';

/** What a deep link holds: `?scenario=enhanced-flow&as=userPool&step=3&view=flow`. */
export interface UrlState {
  scenarioId?: string;
  identity?: Identity;
  step?: number;
  view?: View;
}

const IDENTITIES: readonly string[] = ['guest', 'userPool', 'google', 'saml', 'iamUser'];
const VIEWS: readonly string[] = Object.values(View);

/** Parses a query string; unknown or malformed values are dropped, never trusted. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const state: UrlState = {};
  const scenario = findScenario(params.get('scenario'));
  if (scenario) state.scenarioId = scenario.id;
  const as = params.get('as');
  if (as && IDENTITIES.includes(as)) state.identity = as as Identity;
  const step = Number(params.get('step'));
  if (params.has('step') && Number.isInteger(step) && step >= 0) {
    state.step = Math.min(step, scenario?.steps.length ?? step);
  }
  const view = params.get('view');
  if (view && VIEWS.includes(view)) state.view = view as View;
  return state;
}

export function formatUrlState(state: Required<Omit<UrlState, 'identity'>> & { identity: Identity }): string {
  const params = new URLSearchParams({
    scenario: state.scenarioId,
    as: state.identity,
    step: String(state.step),
  });
  if (state.view !== 'flow') params.set('view', state.view);
  return `?${params.toString()}`;
}
