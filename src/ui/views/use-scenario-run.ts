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

/**
 * Runs a whole scenario in its own player (its own cloud, made by the store), for tables that show every
 * result at once. `again` runs it once more from the start on a fresh player and cloud: seeking the same
 * player to its end again would only show what it recorded, without a call. `runs` counts the runs begun.
 */
export function useScenarioRun(scenario: Scenario, autoRun: boolean) {
  const store = useAppStoreApi();
  const [player, setPlayer] = useState<Player>(() => store.getState().createScenarioRun(scenario));
  const [runs, setRuns] = useState(0);
  const snapshot = useSyncExternalStore(player.subscribe, player.getSnapshot, () => IDLE);
  const run = useCallback(() => {
    setRuns((n) => Math.max(n, 1));
    return player.seek(scenario.steps.length);
  }, [player, scenario]);
  const again = useCallback(() => {
    const fresh = store.getState().createScenarioRun(scenario);
    setRuns((n) => n + 1);
    setPlayer(fresh);
    void fresh.seek(scenario.steps.length);
  }, [store, scenario]);
  // Once, for the first player: `again` starts the run of each new one itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new player must not start a run here too
  useEffect(() => {
    if (autoRun) void run();
  }, [autoRun]);
  return { snapshot, run, again, runs };
}
