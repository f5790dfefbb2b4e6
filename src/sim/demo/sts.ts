import type { Demo } from '../types';
import type { World } from '../world';
import type { DemoIds } from './ids';

/** Seeds the demo world's sts part into fresh state (runs once per new cloud, never on restore). */
export async function seedSts(_world: World, _ids: DemoIds): Promise<void> {}

/** The sts part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeSts(_world: World, _ids: DemoIds): Partial<Demo> {
  return {};
}
