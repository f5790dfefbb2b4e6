import type { World } from '../world';

/**
 * The live world behind each cloud, for tests that inspect the state as it is held in memory
 * (prototypes included, which `cloud.snapshot()` as JSON text cannot show). Not part of the public
 * contract: nothing outside tests reads it. A WeakMap, so a dropped cloud is collected as before.
 */
export const worldsForTests = new WeakMap<object, World>();
