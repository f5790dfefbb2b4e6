import type { Demo } from '../types';
import type { World } from '../world';
import type { DemoIds } from './ids';

/** Seeds the demo world's sync part into fresh state (runs once per new cloud, never on restore). */
export async function seedSync(_world: World, _ids: DemoIds): Promise<void> {}

/** The sync part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeSync(_world: World, _ids: DemoIds): Partial<Demo> {
  return {};
}
