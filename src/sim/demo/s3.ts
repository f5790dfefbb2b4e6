import type { Demo } from '../index';
import type { World } from '../world';
import type { DemoIds } from './ids';

/** Seeds the demo world's s3 part into fresh state (runs once per new cloud, never on restore). */
export async function seedS3(_world: World, _ids: DemoIds): Promise<void> {}

/** The s3 part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeS3(_world: World, _ids: DemoIds): Partial<Demo> {
  return {};
}
