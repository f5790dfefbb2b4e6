import type { StateCreator } from 'zustand/vanilla';
import { createPlayer } from '../../player/create-player';
import type { Cloud, CloudOptions } from '../../sim/index';
import type { EngineSlice } from '../types';

export interface EngineSliceDeps {
  createCloud: (options: CloudOptions) => Promise<Cloud>;
  /** The engine module itself (import('../sim/index') in the app). */
  loadEngine: () => Promise<Record<string, unknown>>;
  fetchPublicKeys: (url: string) => Promise<Response>;
}

/**
 * The one door from the views to the engine besides the Flows player: every cloud a view needs is
 * built here, from the factory the app gave the store, so `src/ui` never builds one itself.
 */
export function createEngineSlice(deps: EngineSliceDeps): StateCreator<EngineSlice, [], [], EngineSlice> {
  return () => ({
    createScenarioRun: (scenario) => createPlayer({ scenario, createCloud: deps.createCloud }),
    loadEngineDefinitions: () => deps.loadEngine(),
    fetchPublicKeys: (url) => deps.fetchPublicKeys(url),
    createDemoCloud: () => deps.createCloud({}),
  });
}
