import { LOWER_ALPHANUMERIC, type Random, ALPHANUMERIC, createRandom } from '../core/random';

/**
 * Every identifier of the demo world, drawn once from the cloud's seeded generator in a fixed
 * order, so that each service's seed can use the others' ids without depending on seeding order.
 * Changing the order here changes every demo id (and every token byte): do it on purpose only.
 */
export interface DemoIds {
  accountId: string;
  userPoolId: string;
  userPoolClientId: string;
  /** The user pool's hosted (managed login) domain prefix: https://<prefix>.auth.<region>.amazoncognito.com */
  userPoolDomainPrefix: string;
  identityPoolId: string;
  googleClientId: string;
  bucket: string;
  apiId: string;
  appSyncApiId: string;
}

export function drawDemoIds(random: Random, region: string): DemoIds {
  const digits = '0123456789';
  const accountId = random.string(1, '123456789') + random.string(11, digits);
  return {
    accountId,
    userPoolId: `${region}_${random.string(9, ALPHANUMERIC)}`,
    userPoolClientId: random.string(26, LOWER_ALPHANUMERIC),
    userPoolDomainPrefix: `identity-atlas-${random.string(6, LOWER_ALPHANUMERIC)}`,
    identityPoolId: `${region}:${random.uuid()}`,
    googleClientId: `${random.string(12, digits)}-${random.string(32, LOWER_ALPHANUMERIC)}.apps.googleusercontent.com`,
    bucket: `identity-atlas-demo-${random.string(8, LOWER_ALPHANUMERIC)}`,
    apiId: random.string(10, LOWER_ALPHANUMERIC),
    appSyncApiId: random.string(26, LOWER_ALPHANUMERIC),
  };
}

/**
 * The id of the demo's second identity pool, the one for the basic (classic) flow. It is derived from
 * the first pool's id with a generator of its own rather than drawn from the cloud's: drawing it would
 * shift every later draw (keys, role ids, NameIDs), and deriving it also gives snapshots saved before
 * the pool existed the same id.
 */
export function classicIdentityPoolId(ids: Pick<DemoIds, 'identityPoolId'>): string {
  const region = ids.identityPoolId.split(':')[0] ?? 'us-east-1';
  return `${region}:${createRandom(`classic-identity-pool|${ids.identityPoolId}`).uuid()}`;
}
