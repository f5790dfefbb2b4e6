import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AppSyncLab } from '../labs/appsync-lab';
import type { ConflictAsk, SyncLab } from '../labs/sync-lab';
import { createLabsSlice, type LabsSliceDeps } from './labs-slice';

const noCloud: LabsSliceDeps['createCloud'] = () => Promise.reject(new Error('no engine in this test'));

/** A stand-in AppSync lab: two devices whose clients record what the restart asks of them. */
function fakeAppSyncLab(calls: string[]) {
  const device = (id: string, conflictOn?: string) => ({
    id,
    events: [{ at: 1, event: { type: 'connection' } }],
    link: { setOnline: (on: boolean) => calls.push(`${id} online ${on}`) },
    client: {
      outbox: () => (conflictOn ? [{ itemId: conflictOn, conflict: { server: {} } }] : []),
      resolveConflict: async (itemId: string, choice: string) => {
        calls.push(`${id} resolve ${itemId} ${choice}`);
      },
      idle: async () => {
        calls.push(`${id} idle`);
      },
    },
  });
  return {
    devices: [device('alice-laptop'), device('carol-tablet', 'item-1')],
    clearHistory: () => calls.push('clear history'),
  } as unknown as AppSyncLab;
}

describe('labs slice, built alone', () => {
  it('builds the Sync lab once, and every change inside it bumps the revision', async () => {
    let built = 0;
    let changed = () => {};
    const lab = {} as SyncLab;
    const store = createStore(
      createLabsSlice({
        createCloud: noCloud,
        loadSyncLab: async (onChange) => {
          built += 1;
          changed = onChange;
          return lab;
        },
        loadAppSyncLab: () => Promise.reject(new Error('unused')),
      }),
    );
    expect(await store.getState().openSyncLab()).toBe(lab);
    expect(await store.getState().openSyncLab()).toBe(lab);
    expect(built).toBe(1);
    changed();
    changed();
    expect(store.getState().syncRevision).toBe(2);
  });

  it('a Sync conflict waits in state until the reader answers, and the answer reaches the client', async () => {
    let ask: ConflictAsk | undefined;
    const store = createStore(
      createLabsSlice({
        createCloud: noCloud,
        loadSyncLab: async (_onChange, a) => {
          ask = a;
          return {} as SyncLab;
        },
        loadAppSyncLab: () => Promise.reject(new Error('unused')),
      }),
    );
    await store.getState().openSyncLab();
    const conflicts = [{ key: 'theme' }] as never;
    const answered = ask!('phone', conflicts);
    expect(store.getState().syncConflict).toEqual({ device: 'phone', conflicts });
    const resolutions = [{ key: 'theme', value: 'dark', source: 'local' }] as never;
    store.getState().answerSyncConflict(resolutions);
    expect(await answered).toBe(resolutions);
    expect(store.getState().syncConflict).toBeUndefined();
  });

  it('a lab that failed to start is tried again on the next open', async () => {
    let attempts = 0;
    const store = createStore(
      createLabsSlice({
        createCloud: noCloud,
        loadSyncLab: () => Promise.reject(new Error('unused')),
        loadAppSyncLab: async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('IndexedDB is blocked');
          return {} as AppSyncLab;
        },
      }),
    );
    await expect(store.getState().openAppSyncLab()).rejects.toThrow('IndexedDB is blocked');
    await expect(store.getState().openAppSyncLab()).resolves.toEqual({});
    expect(attempts).toBe(2);
  });

  it('restarting the AppSync guided scenario settles the waiting conflict, empties outboxes and clears the screen', async () => {
    const calls: string[] = [];
    const store = createStore(
      createLabsSlice({
        createCloud: noCloud,
        loadSyncLab: () => Promise.reject(new Error('unused')),
        loadAppSyncLab: async () => fakeAppSyncLab(calls),
      }),
    );
    store.setState({ appSyncGuided: { done: 4, busy: false } });
    await store.getState().restartAppSyncGuided();
    expect(calls).toEqual([
      'alice-laptop online true',
      'carol-tablet online true',
      'carol-tablet resolve item-1 discard-local',
      'alice-laptop idle',
      'carol-tablet idle',
      'clear history',
    ]);
    expect(store.getState().appSyncGuided).toEqual({ done: 0, busy: false });
  });

  it('a guided step that fails stays on its step and shows why', async () => {
    const store = createStore(
      createLabsSlice({
        createCloud: noCloud,
        loadSyncLab: () => Promise.reject(new Error('unused')),
        loadAppSyncLab: async () => ({ devices: [] }) as unknown as AppSyncLab,
      }),
    );
    await store.getState().runAppSyncGuidedStep();
    expect(store.getState().appSyncGuided).toEqual({
      done: 0,
      busy: false,
      problem: 'The scenario needs two devices.',
    });
  });
});
