import { useEffect, useState } from 'react';
import type { IamManagedPolicy, NamedPolicy } from '../../sim/index';
import { useAppStore } from '../../store/hooks';

/** The engine exports the explainers read (fixed AWS data, not per-cloud state). */
export interface EngineExports {
  cognitoGuestSessionPolicies(): NamedPolicy[];
  AWS_MANAGED_POLICIES: Record<string, IamManagedPolicy>;
}

/** Loads the engine module on first use (it is already loaded once a scenario has played). */
export function useEngineExports(): EngineExports | undefined {
  const [engine, setEngine] = useState<EngineExports | undefined>(undefined);
  // The store is the views' one door to the engine (src/ui never loads it itself).
  const loadEngineDefinitions = useAppStore((s) => s.loadEngineDefinitions);
  useEffect(() => {
    let live = true;
    loadEngineDefinitions().then(
      (m) => {
        if (live) setEngine(m as unknown as EngineExports);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [loadEngineDefinitions]);
  return engine;
}
