import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios/catalog';
import { createCloud } from '../sim/index';
import { createAppStore, STEP_ANIMATION_MS } from './app-store';
import { readingTimeMs } from './reading-time';
import { formatUrlState, parseUrlState } from './url-state';

async function until(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('app store', () => {
  it('carries a focus request across the view change of opening a scenario', () => {
    const store = createAppStore({ createCloud, initial: { view: 'sts' } });
    store.getState().requestFocus('scenario-picker');
    store.getState().openScenario('sts-assume-role');
    expect(store.getState()).toMatchObject({ view: 'flow', focusRequest: 'scenario-picker' });
  });

  it('steps forward and back through the real engine, restoring the earlier trace exactly', async () => {
    const store = createAppStore({ createCloud });
    await store.getState().stepForward();
    await store.getState().stepForward();
    const two = store.getState().entries;
    await store.getState().stepForward();
    await store.getState().stepBack();
    expect(store.getState().position).toBe(2);
    expect(store.getState().status).toBe('paused');
    expect(JSON.stringify(store.getState().entries)).toBe(JSON.stringify(two));
  });

  it('plays: the playhead advances with ticks and runs the next step when a packet arrives', async () => {
    const store = createAppStore({ createCloud });
    store.getState().play();
    expect(store.getState().status).toBe('playing');
    store.getState().tick(STEP_ANIMATION_MS); // the idle playhead is at 1: run step 1
    await until(() => store.getState().position === 1 && store.getState().playhead.get() === 0);
    expect(store.getState().position).toBe(1);
    expect(store.getState().playhead.get()).toBe(0);
    store.getState().tick(STEP_ANIMATION_MS / 2);
    expect(store.getState().playhead.get()).toBeCloseTo(0.5);
    store.getState().pause();
    store.getState().tick(STEP_ANIMATION_MS);
    expect(store.getState().playhead.get()).toBeCloseTo(0.5);
  });

  it('waits for the reader after each answer lands, and Play moves on at once', async () => {
    const store = createAppStore({ createCloud });
    store.getState().play();
    store.getState().tick(16);
    await until(() => store.getState().position === 1 && !store.getState().busy);
    expect(store.getState().arrival).toBe('sending');
    store.getState().tick(STEP_ANIMATION_MS * 0.6);
    expect(store.getState().arrival).toBe('answering');
    store.getState().tick(STEP_ANIMATION_MS);
    expect(store.getState()).toMatchObject({ arrival: 'landed', status: 'paused', position: 1 });
    store.getState().tick(600_000);
    expect(store.getState().position).toBe(1);
    store.getState().play();
    store.getState().tick(16);
    await until(() => store.getState().position === 2);
    expect(store.getState().position).toBe(2);
  });

  it('runs one step per landed packet even when the engine is slow to start the step', async () => {
    // The first step waits for the cloud to be created; ticks meanwhile must neither move its packet
    // nor, once a packet would have landed, ask for a second step (which skipped step 1 under load).
    const slowCloud: typeof createCloud = (options) =>
      new Promise((resolve) => setTimeout(resolve, 300)).then(() => createCloud(options));
    const store = createAppStore({ createCloud: slowCloud });
    store.getState().setAutoAdvance(true);
    store.getState().setSpeed(4);
    store.getState().play();
    store.getState().tick(16);
    for (let i = 0; i < 10; i++) {
      store.getState().tick(STEP_ANIMATION_MS);
      await new Promise((r) => setTimeout(r, 20));
    }
    await until(() => store.getState().position === 1 && !store.getState().busy);
    await new Promise((r) => setTimeout(r, 200));
    expect(store.getState().position).toBe(1);
    expect(store.getState().arrival).toBe('sending');
    expect(store.getState().playhead.get()).toBe(0);
  });

  it('auto-advance moves on only after the step reading time', async () => {
    const store = createAppStore({ createCloud });
    store.getState().setAutoAdvance(true);
    store.getState().play();
    store.getState().tick(16);
    await until(() => store.getState().position === 1 && !store.getState().busy);
    store.getState().tick(STEP_ANIMATION_MS);
    expect(store.getState()).toMatchObject({ status: 'playing', position: 1 });
    const step = findScenario(store.getState().scenarioId)?.steps[0];
    store.getState().tick(readingTimeMs(step) - 100);
    expect(store.getState().position).toBe(1);
    store.getState().tick(200);
    await until(() => store.getState().position === 2);
    expect(store.getState().position).toBe(2);
  });

  it('the identity switch picks the flow: a guest starts at the identity pool', () => {
    const store = createAppStore({ createCloud });
    store.getState().selectIdentity('guest');
    expect(store.getState()).toMatchObject({
      scenarioId: 'guest',
      identity: 'guest',
      position: 0,
      view: 'flow',
    });
  });

  it('opens at a deep-linked scenario and step', async () => {
    const store = createAppStore({ createCloud, initial: parseUrlState('?scenario=guest&as=guest&step=2') });
    await until(() => store.getState().position === 2 && !store.getState().busy);
    expect(store.getState()).toMatchObject({ scenarioId: 'guest', position: 2 });
    expect(store.getState().entries.map((e) => e.stepId)).toEqual(['get-id', 'get-credentials']);
  });
});

describe('url state', () => {
  it('round-trips and drops what it does not know', () => {
    expect(
      parseUrlState(formatUrlState({ scenarioId: 'guest', identity: 'guest', step: 3, view: 'sts' })),
    ).toEqual({
      scenarioId: 'guest',
      identity: 'guest',
      step: 3,
      view: 'sts',
    });
    expect(parseUrlState('?scenario=nope&as=root&step=-1&view=<script>')).toEqual({});
    // The guest flow has five steps (GetId, GetCredentialsForIdentity and the three S3 calls).
    expect(parseUrlState('?scenario=guest&step=99')).toEqual({ scenarioId: 'guest', step: 5 });
  });

  it('takes who signs in from the scenario: a contradicting as= is dropped, and as= alone opens that flow', () => {
    expect(parseUrlState('?scenario=enhanced-flow&as=guest&step=2')).toEqual({
      scenarioId: 'enhanced-flow',
      step: 2,
    });
    expect(parseUrlState('?scenario=enhanced-flow&as=userPool').identity).toBe('userPool');
    expect(parseUrlState('?as=guest')).toEqual({ scenarioId: 'guest', identity: 'guest' });
    const store = createAppStore({ createCloud, initial: parseUrlState('?scenario=enhanced-flow&as=guest') });
    expect(store.getState()).toMatchObject({ scenarioId: 'enhanced-flow', identity: 'userPool' });
  });

  it('carries the reader clock moves and refuses malformed or unbounded ones', () => {
    const link = formatUrlState({
      scenarioId: 'enhanced-flow',
      identity: 'userPool',
      step: 3,
      view: 'flow',
      clockJumps: [{ position: 3, ms: 3_600_000 }],
    });
    expect(parseUrlState(link).clockJumps).toEqual([{ position: 3, ms: 3_600_000 }]);
    expect(parseUrlState('?scenario=enhanced-flow&clock=9:1000').clockJumps).toBeUndefined();
    expect(parseUrlState('?scenario=enhanced-flow&clock=1:99999999999').clockJumps).toBeUndefined();
    expect(parseUrlState('?scenario=enhanced-flow&clock=1:-5').clockJumps).toBeUndefined();
  });

  it('a link with clock moves replays them at their position', async () => {
    const store = createAppStore({
      createCloud,
      initial: parseUrlState('?scenario=enhanced-flow&step=3&clock=3:3600000'),
    });
    await until(() => store.getState().position === 3 && !store.getState().busy);
    const plain = createAppStore({ createCloud, initial: parseUrlState('?scenario=enhanced-flow&step=3') });
    await until(() => plain.getState().position === 3 && !plain.getState().busy);
    expect(store.getState().clock - plain.getState().clock).toBe(3_600_000);
  });
});
