import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClockJump } from '../player/timeline';
import { DEFAULT_SCENARIO_ID, findScenario } from '../scenarios/catalog';
import type { Identity } from '../scenarios/types';
import type { Cloud, CloudOptions } from '../sim/index';
import { createPlayhead } from './playhead';
import { createPlayerSession } from './player-session';
import { createEngineSlice, type EngineSliceDeps } from './slices/engine-slice';
import { createInspectorSlice } from './slices/inspector-slice';
import { createLabsSlice, type LabsSliceDeps } from './slices/labs-slice';
import { createPlayerSlice, playerStateOf } from './slices/player-slice';
import { createScenarioSlice } from './slices/scenario-slice';
import { createViewSlice } from './slices/view-slice';
import type { AppState, View } from './types';

export { STEP_ANIMATION_MS } from './slices/player-slice';

/**
 * The single app store: Zustand vanilla, composed from the slices in ./slices, each built from the
 * dependencies it is given (zustand's slices pattern). This file only wires them: the engine factory,
 * the player session and the playhead are created here and handed to the slices that use them; they
 * live in this closure, never in state.
 */
export interface AppStoreOptions {
  createCloud: (options: CloudOptions) => Promise<Cloud>;
  /** The labs' and engine views' loaders; by default the app's own (dynamic imports). */
  labs?: Partial<Omit<LabsSliceDeps, 'createCloud'> & Omit<EngineSliceDeps, 'createCloud'>>;
  initial?: {
    scenarioId?: string;
    identity?: Identity;
    step?: number;
    view?: View;
    chapterId?: string;
    clockJumps?: readonly ClockJump[];
  };
}

export type AppStore = StoreApi<AppState>;

/** The app's own loaders: each lab and the engine arrive in their own chunk, on first use. */
const APP_LOADERS = {
  loadSyncLab: (onChange, ask) => import('./labs/sync-lab').then((m) => m.createSyncLab(onChange, ask)),
  loadAppSyncLab: (onChange) => import('./labs/appsync-lab').then((m) => m.createAppSyncLab(onChange)),
  loadEngine: () => import('../sim/index') as Promise<unknown> as Promise<Record<string, unknown>>,
  fetchPublicKeys: (url) =>
    import('../engine-loader/verifier-cloud').then((m) => m.fetchFromVerifierCloud(url)),
} satisfies Omit<LabsSliceDeps, 'createCloud'> & Omit<EngineSliceDeps, 'createCloud'>;

export function createAppStore({ createCloud, labs = {}, initial = {} }: AppStoreOptions): AppStore {
  const startScenario = findScenario(initial.scenarioId) ?? findScenario(DEFAULT_SCENARIO_ID)!;
  const loaders = { ...APP_LOADERS, ...labs, createCloud };
  const playhead = createPlayhead(1);
  const session = createPlayerSession({
    scenario: startScenario,
    createCloud,
    clockJumps: initial.clockJumps,
    // Mirrors the player's snapshot into state whenever it changes.
    onSnapshot: (snapshot) => store.setState(playerStateOf(snapshot)),
  });

  const store = createStore<AppState>()((...a) => ({
    ...createScenarioSlice({ session, playhead, startScenario, initialIdentity: initial.identity })(...a),
    ...createPlayerSlice({ session, playhead, initialClockJumps: initial.clockJumps })(...a),
    ...createInspectorSlice()(...a),
    ...createViewSlice({ initial: initial.view, chapterId: initial.chapterId })(...a),
    ...createLabsSlice(loaders)(...a),
    ...createEngineSlice(loaders)(...a),
  }));

  if (initial.step && initial.step > 0) void session.current().seek(initial.step);
  else session.prepareWhenReaderActs();
  return store;
}
