import type { Cloud, CloudOptions } from '../sim/index';

/**
 * Creates a simulated cloud, loading the engine on first use so the page paints before the engine's
 * code and keys are ready.
 */
export function createCloudLazily(options: CloudOptions): Promise<Cloud> {
  return import('../sim/index').then((m) => m.createCloud(options));
}

/** The engine module itself, for views that read its exported definitions (e.g. STS facts). */
export function loadEngineModule(): Promise<Record<string, unknown>> {
  return import('../sim/index') as Promise<unknown> as Promise<Record<string, unknown>>;
}
