import { describe, expect, it } from 'vitest';
import { createCloud } from '../sim/index';
import { createAppStore, STEP_ANIMATION_MS } from './app-store';
import { formatUrlState, parseUrlState } from './url-state';

async function until(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

/** The Learn path's hold: playback stops before a chapter's decisive step until the reader answers. */
describe('the Learn hold (gate)', () => {
  it('stops stepping, seeking and playing at the gate, and the release plays the held step', async () => {
    const store = createAppStore({ createCloud });
    store.getState().startGated('guest', 2);
    expect(store.getState()).toMatchObject({ scenarioId: 'guest', gate: 2, position: 0 });
    await store.getState().seek(5);
    expect(store.getState().position).toBe(2);
    await store.getState().stepForward();
    expect(store.getState().position).toBe(2);
    expect(store.getState().entries).toHaveLength(2);
    store.getState().play();
    store.getState().tick(STEP_ANIMATION_MS);
    await until(() => store.getState().status === 'paused');
    expect(store.getState()).toMatchObject({ status: 'paused', position: 2 });
    await store.getState().releaseGate();
    expect(store.getState().gate).toBeUndefined();
    expect(store.getState().position).toBe(3);
    expect(store.getState().entries[2]?.stepId).toBe('s3-read-public');
  });

  it('is cleared by another scenario or leaving the Learn view', async () => {
    const store = createAppStore({ createCloud });
    store.getState().openChapter('stop-at-the-jwt');
    store.getState().startGated('jwt-to-api', 1);
    store.getState().selectScenario('guest');
    expect(store.getState().gate).toBeUndefined();
    store.getState().startGated('jwt-to-api', 1);
    store.getState().setView('flow');
    expect(store.getState()).toMatchObject({ view: 'flow', gate: undefined });
    await store.getState().seek(2);
    expect(store.getState().position).toBe(2);
  });

  it('links a chapter as ?view=learn&chapter=…, and reads only a well-shaped chapter id with the Learn view', () => {
    const url = formatUrlState({
      scenarioId: 'guest',
      identity: 'guest',
      step: 3,
      view: 'learn',
      chapterId: 'guest-scope-down',
    });
    expect(url).toBe('?view=learn&chapter=guest-scope-down');
    expect(parseUrlState(url)).toEqual({ view: 'learn', chapterId: 'guest-scope-down' });
    expect(parseUrlState('?view=learn')).toEqual({ view: 'learn' });
    expect(parseUrlState('?view=flow&chapter=guest-scope-down').chapterId).toBeUndefined();
    expect(parseUrlState('?view=learn&chapter=__proto__').chapterId).toBeUndefined();
    expect(parseUrlState('?view=learn&chapter=a%2F..%2Fb').chapterId).toBeUndefined();
  });
});
