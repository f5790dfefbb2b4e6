import { describeAdminBackend, seedAdminBackend } from './demo/admin-backend';
import { describeApi, seedApi } from './demo/api';
import { describeAppSync, seedAppSync } from './demo/appsync';
import { seedConfidentialClient } from './demo/confidential-client';
import { describeDepartments, seedDepartments } from './demo/departments';
import { describeFederation } from './demo/federation';
import { describeGoogle, seedGoogle } from './demo/google';
import { describeIam, seedIam } from './demo/iam';
import { describeIdentityPool, seedIdentityPool } from './demo/identity-pool';
import type { DemoIds } from './demo/ids';
import { seedMachineClient } from './demo/machine-client';
import { describeS3, seedS3 } from './demo/s3';
import { describeSaml, seedSaml } from './demo/saml';
import { describeSsm, seedSsm } from './demo/ssm';
import { describeSts, seedSts } from './demo/sts';
import { describeSync, seedSync } from './demo/sync';
import { describeUserPool, seedUserPool } from './demo/user-pool';
import type { Demo } from './types';
import type { World } from './world';

/**
 * The built-in demo world: one account with an IAM user, roles, a user pool, Google and a corporate
 * SAML IdP, an identity pool, a bucket and an API. Seeds run in dependency order (IAM first: the
 * others attach roles and providers to it).
 */
export async function seedDemoWorld(world: World, ids: DemoIds): Promise<void> {
  await seedIam(world, ids);
  await seedUserPool(world, ids);
  await seedGoogle(world, ids);
  await seedSaml(world, ids);
  await seedIdentityPool(world, ids);
  await seedSts(world, ids);
  await seedS3(world, ids);
  await seedApi(world, ids);
  await seedSsm(world, ids);
  await seedSync(world, ids);
  await seedAppSync(world, ids);
  // Parts added later draw their ids last, so every earlier id (and token byte) stays as it was.
  await seedDepartments(world, ids);
  await seedAdminBackend(world, ids);
  await seedConfidentialClient(world, ids);
  await seedMachineClient(world, ids);
}

export function buildDemo(world: World, ids: DemoIds): Demo {
  const parts: Partial<Demo>[] = [
    describeIam(world, ids),
    describeUserPool(world, ids),
    describeGoogle(world, ids),
    describeSaml(world, ids),
    describeIdentityPool(world, ids),
    describeSts(world, ids),
    describeS3(world, ids),
    describeApi(world, ids),
    describeSsm(world, ids),
    describeSync(world, ids),
    describeAppSync(world, ids),
    describeDepartments(world, ids),
    describeAdminBackend(world, ids),
    describeFederation(world),
  ];
  // Until every service has landed some fields of Demo are absent; the contract allows that.
  return Object.assign({ region: world.region, accountId: world.accountId }, ...parts) as Demo;
}
