import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Player, PlayerSnapshot } from '../../player/create-player';
import type { Scenario } from '../../scenarios/types';
import { useAppStoreApi } from '../../store/hooks';

const IDLE: PlayerSnapshot = {
  scenarioId: '',
  position: 0,
  entries: [],
  busy: false,
  clock: 0,
  clockJumps: [],
};

/** Runs a whole scenario in its own player (its own cloud, made by the store), for tables that show every result at once. */
export function useScenarioRun(scenario: Scenario, autoRun: boolean) {
  const store = useAppStoreApi();
  const [player] = useState<Player>(() => store.getState().createScenarioRun(scenario));
  const snapshot = useSyncExternalStore(player.subscribe, player.getSnapshot, () => IDLE);
  const run = useCallback(() => player.seek(scenario.steps.length), [player, scenario]);
  useEffect(() => {
    if (autoRun) void run();
  }, [autoRun, run]);
  return { snapshot, run };
}
