import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { findScenario } from '../../scenarios/catalog';
import { createPlayhead } from '../playhead';
import { createPlayerSlice, STEP_ANIMATION_MS } from './player-slice';
import { createFakeSession } from './test-fakes';

/** The player slice on its own, over a fake player, with the one field it reads from elsewhere. */
function build() {
  const fake = createFakeSession();
  const playhead = createPlayhead(1);
  const store = createStore<ReturnType<ReturnType<typeof createPlayerSlice>> & { scenarioId: string }>()(
    (...a) => ({ scenarioId: 'guest', ...createPlayerSlice({ session: fake.session, playhead })(...a) }),
  );
  return { store, playhead, fake };
}

describe('player slice, built alone', () => {
  it('Next asks the player for one step and sends the packet from its source', async () => {
    const { store, playhead, fake } = build();
    await store.getState().stepForward();
    expect(fake.calls()).toEqual(['step']);
    expect(playhead.get()).toBe(0);
    expect(store.getState()).toMatchObject({ arrival: 'sending', status: 'stepping' });
  });

  it('the packet travels with ticks, answers halfway and lands, then playback waits', async () => {
    const { store, playhead } = build();
    await store.getState().stepForward();
    store.setState({ position: 1 });
    store.getState().tick(STEP_ANIMATION_MS * 0.6);
    expect(store.getState().arrival).toBe('answering');
    expect(playhead.get()).toBeCloseTo(0.6);
    store.getState().tick(STEP_ANIMATION_MS);
    expect(store.getState()).toMatchObject({ arrival: 'landed', status: 'paused' });
  });

  it('Play at the end starts over through the player', async () => {
    const { store, fake } = build();
    store.setState({ position: findScenario('guest')!.steps.length });
    store.getState().play();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.calls()).toEqual(['reset']);
    expect(store.getState().status).toBe('playing');
  });

  it('Back seeks one step earlier and does nothing at the start', async () => {
    const { store, fake } = build();
    await store.getState().stepBack();
    expect(fake.calls()).toEqual([]);
    store.setState({ position: 3 });
    await store.getState().stepBack();
    expect(fake.calls()).toEqual(['seek 2']);
    expect(store.getState()).toMatchObject({ status: 'paused', arrival: 'landed' });
  });

  it('a paused player ignores ticks', () => {
    const { store, playhead } = build();
    playhead.set(0);
    store.getState().pause();
    store.getState().tick(STEP_ANIMATION_MS);
    expect(playhead.get()).toBe(0);
  });
});
