import type { Demo } from '../index';
import type { World } from '../world';
import type { DemoIds } from './ids';

/** Seeds the demo world's user-pool part into fresh state (runs once per new cloud, never on restore). */
export async function seedUserPool(_world: World, _ids: DemoIds): Promise<void> {}

/** The user-pool part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeUserPool(_world: World, _ids: DemoIds): Partial<Demo> {
  return {};
}
