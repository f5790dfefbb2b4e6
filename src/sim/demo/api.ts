import type { Demo } from '../index';
import type { World } from '../world';
import type { DemoIds } from './ids';

/** Seeds the demo world's api part into fresh state (runs once per new cloud, never on restore). */
export async function seedApi(_world: World, _ids: DemoIds): Promise<void> {}

/** The api part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeApi(_world: World, _ids: DemoIds): Partial<Demo> {
  return {};
}
