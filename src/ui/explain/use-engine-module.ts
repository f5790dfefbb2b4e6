import { useEffect, useState } from 'react';
import { loadEngineModule } from '../../engine-loader/cloud-factory';
import type { IamManagedPolicy, NamedPolicy } from '../../sim/index';

/** The engine exports the explainers read (fixed AWS data, not per-cloud state). */
export interface EngineExports {
  cognitoGuestSessionPolicies(): NamedPolicy[];
  AWS_MANAGED_POLICIES: Record<string, IamManagedPolicy>;
}

/** Loads the engine module on first use (it is already loaded once a scenario has played). */
export function useEngineExports(): EngineExports | undefined {
  const [engine, setEngine] = useState<EngineExports | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadEngineModule().then(
      (m) => {
        if (live) setEngine(m as unknown as EngineExports);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return engine;
}
