/** Finds the user pool that owns a hosted domain https://<prefix>.auth.<region>.amazoncognito.com. */
import type { World } from '../../../world';
import type { PoolRecord } from '../state';

export function poolForHost(world: World, hostname: string): PoolRecord | undefined {
  const suffix = `.auth.${world.region}.amazoncognito.com`;
  if (!hostname.endsWith(suffix)) return undefined;
  const prefix = hostname.slice(0, -suffix.length);
  return Object.values(world.state.cognitoIdp.pools).find((p) => p.domainPrefix === prefix);
}

export const poolOrigin = (world: World, pool: PoolRecord) =>
  `https://${pool.domainPrefix}.auth.${world.region}.amazoncognito.com`;
