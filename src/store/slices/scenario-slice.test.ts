import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { findScenario } from '../../scenarios/catalog';
import { createPlayhead } from '../playhead';
import type { AppState } from '../types';
import { createScenarioSlice } from './scenario-slice';
import { createFakeSession } from './test-fakes';

function build() {
  const fake = createFakeSession();
  const playhead = createPlayhead(0.4);
  const startScenario = findScenario('enhanced-flow')!;
  // Only the scenario slice, plus plain values for the other slices' fields it resets.
  const store = createStore<
    Pick<
      AppState,
      | 'scenarioId'
      | 'identity'
      | 'selectScenario'
      | 'openScenario'
      | 'selectIdentity'
      | 'startGated'
      | 'gate'
      | 'position'
      | 'entries'
      | 'status'
      | 'arrival'
      | 'clock'
      | 'clockJumps'
      | 'view'
    >
  >()((...a) => ({
    position: 0,
    entries: [],
    status: 'idle',
    arrival: 'landed',
    clock: 0,
    clockJumps: [],
    view: 'flow',
    ...createScenarioSlice({ session: fake.session, playhead, startScenario })(...a),
  }));
  return { store, playhead, fake };
}

describe('scenario slice, built alone', () => {
  it('opening a scenario loads a fresh player for it and resets playback in one update', () => {
    const { store, playhead, fake } = build();
    store.setState({ position: 4, status: 'playing' });
    store.getState().selectScenario('guest');
    expect(fake.loaded).toEqual([{ scenarioId: 'guest', clockJumps: [] }]);
    expect(fake.prepared()).toBe(1);
    expect(playhead.get()).toBe(1);
    expect(store.getState()).toMatchObject({
      scenarioId: 'guest',
      identity: 'guest',
      position: 0,
      status: 'idle',
    });
  });

  it('a deep link to a step seeks the new player there instead of preparing it', () => {
    const { store, fake } = build();
    store.getState().selectScenario('guest', 2, [{ position: 1, ms: 60_000 }]);
    expect(fake.loaded).toEqual([{ scenarioId: 'guest', clockJumps: [{ position: 1, ms: 60_000 }] }]);
    expect(fake.calls()).toEqual(['seek 2']);
    expect(fake.prepared()).toBe(0);
  });

  it('an unknown scenario id falls back to the start scenario', () => {
    const { store, fake } = build();
    store.getState().selectScenario('no-such-scenario');
    expect(fake.loaded[0]?.scenarioId).toBe('enhanced-flow');
  });

  it('opening from another view, or picking an identity, switches to Flows', () => {
    const { store } = build();
    store.setState({ view: 'sts' });
    store.getState().openScenario('guest');
    expect(store.getState().view).toBe('flow');
    store.setState({ view: 'sync' });
    store.getState().selectIdentity('guest');
    expect(store.getState()).toMatchObject({ view: 'flow', scenarioId: 'guest' });
  });
});
