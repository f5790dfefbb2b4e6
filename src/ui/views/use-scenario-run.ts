import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { createCloudLazily } from '../../engine-loader/cloud-factory';
import { createPlayer, type Player, type PlayerSnapshot } from '../../player/create-player';
import type { Scenario } from '../../scenarios/types';

const IDLE: PlayerSnapshot = {
  scenarioId: '',
  position: 0,
  entries: [],
  busy: false,
  clock: 0,
  clockJumps: [],
};

/** Runs a whole scenario in its own player (its own cloud), for tables that show every result at once. */
export function useScenarioRun(scenario: Scenario, autoRun: boolean) {
  const [player] = useState<Player>(() => createPlayer({ scenario, createCloud: createCloudLazily }));
  const snapshot = useSyncExternalStore(player.subscribe, player.getSnapshot, () => IDLE);
  const run = useCallback(() => player.seek(scenario.steps.length), [player, scenario]);
  useEffect(() => {
    if (autoRun) void run();
  }, [autoRun, run]);
  return { snapshot, run };
}
