import { describe, expect, it } from 'vitest';
import { createCloud } from '../sim/index';
import { mergeLegacyClouds } from './shared-cloud-browser';

/** The first shared cloud is built from the two clouds the views kept on their own before. */
describe('mergeLegacyClouds', () => {
  async function legacyPair() {
    const syncView = await createCloud({ now: () => 1_700_000_000_000 });
    const appSyncView = await createCloud({ now: () => 1_700_000_000_000 });
    appSyncView.demo.appSync?.setConflictHandler('LAMBDA');
    return { sync: syncView.snapshot(), appsync: appSyncView.snapshot() };
  }

  it("keeps the Sync view's cloud and takes the AppSync view's AppSync data", async () => {
    const { sync, appsync } = await legacyPair();
    const merged = mergeLegacyClouds(sync, appsync);
    const state = JSON.parse(merged?.state ?? '{}');
    expect(state.appsync).toEqual(JSON.parse(appsync.state).appsync);
    expect(state.cognitoSync).toEqual(JSON.parse(sync.state).cognitoSync);
    expect(merged?.random).toEqual(sync.random);
    const restored = await createCloud({ snapshot: merged });
    expect(restored.demo.appSync?.getConflictHandler()).toBe('LAMBDA');
  });

  it('takes either cloud alone as it is, and nothing when there was none', async () => {
    const { sync, appsync } = await legacyPair();
    expect(mergeLegacyClouds(sync, undefined)).toBe(sync);
    expect(mergeLegacyClouds(undefined, appsync)).toBe(appsync);
    expect(mergeLegacyClouds(undefined, undefined)).toBeUndefined();
  });

  it("keeps the Sync view's cloud whole when the other belongs to another account", async () => {
    const { sync } = await legacyPair();
    const other = (await createCloud({ seed: 'another-account' })).snapshot();
    expect(mergeLegacyClouds(sync, other)).toBe(sync);
  });
});
