import { setOwn } from '../core/dict';
import type { Demo } from '../types';
import type { World } from '../world';
import type { DemoIds } from './ids';

export const DEMO_GREETING_PARAMETER = '/atlas/public/greeting';

/** Seeds the demo world's ssm part into fresh state (runs once per new cloud, never on restore). */
export async function seedSsm(world: World, _ids: DemoIds): Promise<void> {
  setOwn(world.state.ssm.parameters, DEMO_GREETING_PARAMETER, {
    name: DEMO_GREETING_PARAMETER,
    type: 'String',
    value: 'Hello from Parameter Store!',
    version: 1,
    lastModifiedDate: world.now(),
    dataType: 'text',
  });
}

/** The ssm part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeSsm(_world: World, _ids: DemoIds): Partial<Demo> {
  return {};
}
