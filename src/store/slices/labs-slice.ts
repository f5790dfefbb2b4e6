import type { StateCreator } from 'zustand/vanilla';
import type { Cloud, CloudOptions } from '../../sim/index';
import type { ConflictResolution } from '../../sync/types';
import { GUIDED_STEPS, restartGuidedScenario } from '../labs/appsync-guided-steps';
import type { AppSyncLab } from '../labs/appsync-lab';
import type { ConflictAsk, SyncLab } from '../labs/sync-lab';
import { startUserPoolLab } from '../labs/user-pool-lab';
import type { LabsSlice } from '../types';

export interface LabsSliceDeps {
  /** Builds the sign-up lab's fresh cloud (the same lazy factory the Flows player uses). */
  createCloud: (options: CloudOptions) => Promise<Cloud>;
  /** Builds the Cognito Sync lab over the profile's shared cloud (a dynamic import in the app). */
  loadSyncLab: (onChange: () => void, ask: ConflictAsk) => Promise<SyncLab>;
  /** Builds the AppSync lab over the profile's shared cloud (a dynamic import in the app). */
  loadAppSyncLab: (onChange: () => void) => Promise<AppSyncLab>;
}

/**
 * The labs as store state and actions. Each lab model is created once and kept in this closure for
 * the tab's life, so leaving a view and coming back finds the devices as they were; a change inside a
 * model bumps a revision number, synchronously, so a controlled control (the offline switch)
 * re-renders within its own event.
 */
export function createLabsSlice(deps: LabsSliceDeps): StateCreator<LabsSlice, [], [], LabsSlice> {
  return (set, get) => {
    let syncLab: Promise<SyncLab> | undefined;
    let appSyncLab: Promise<AppSyncLab> | undefined;
    let answer: ((resolutions: ConflictResolution[] | false) => void) | undefined;
    /** The guided scenario's memory between steps: the id of the item it created. */
    let guidedMemo: { id?: string } = {};

    const ask: ConflictAsk = (device, conflicts, retry) =>
      new Promise((resolve) => {
        // A second device asking while the first still waits: the first is left for later.
        answer?.(false);
        answer = resolve;
        set({ syncConflict: retry ? { device, conflicts, retry } : { device, conflicts } });
      });

    return {
      syncRevision: 0,
      appSyncRevision: 0,
      appSyncGuided: { done: 0, busy: false },
      openSyncLab() {
        syncLab ??= deps.loadSyncLab(() => set({ syncRevision: get().syncRevision + 1 }), ask);
        // A failed start may be tried again (the view offers it by remounting).
        syncLab.catch(() => {
          syncLab = undefined;
        });
        return syncLab;
      },
      answerSyncConflict(resolutions) {
        const resolve = answer;
        answer = undefined;
        set({ syncConflict: undefined });
        resolve?.(resolutions);
      },
      openAppSyncLab() {
        appSyncLab ??= deps.loadAppSyncLab(() => set({ appSyncRevision: get().appSyncRevision + 1 }));
        appSyncLab.catch(() => {
          appSyncLab = undefined;
        });
        return appSyncLab;
      },
      async runAppSyncGuidedStep() {
        const { done, busy } = get().appSyncGuided;
        const step = GUIDED_STEPS[done];
        if (!step || busy) return;
        set({ appSyncGuided: { done, busy: true } });
        try {
          await step.run(await get().openAppSyncLab(), guidedMemo);
          set({ appSyncGuided: { done: done + 1, busy: false } });
        } catch (error) {
          set({ appSyncGuided: { done, busy: false, problem: (error as Error).message } });
        }
      },
      async restartAppSyncGuided() {
        if (get().appSyncGuided.busy) return;
        set({ appSyncGuided: { done: 0, busy: true } });
        guidedMemo = {};
        try {
          await restartGuidedScenario(await get().openAppSyncLab());
          set({ appSyncGuided: { done: 0, busy: false } });
        } catch (error) {
          set({ appSyncGuided: { done: 0, busy: false, problem: (error as Error).message } });
        }
      },
      openUserPoolLab: (replay) => startUserPoolLab(deps.createCloud, replay),
    };
  };
}
