import type { Demo } from '../index';
import type { World } from '../world';
import type { DemoIds } from './ids';

/** Seeds the demo world's iam part into fresh state (runs once per new cloud, never on restore). */
export async function seedIam(_world: World, _ids: DemoIds): Promise<void> {}

/** The iam part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeIam(_world: World, _ids: DemoIds): Partial<Demo> {
  return {};
}
