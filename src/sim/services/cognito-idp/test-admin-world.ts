/** The Admin API's test world: the demo cloud, its backend role's credentials and SDK clients. */
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { createTestClock, sdkConfig } from '../../../../tests/support/cloud-handler';
import { createCloud } from '../../index';

export type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export async function adminWorld() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  const backend = cloud.demo.adminBackend;
  if (!backend) throw new Error('demo.adminBackend missing');
  const offset = () => clock.now() - Date.now();
  const idp = (creds?: Creds) =>
    new CognitoIdentityProviderClient({ ...sdkConfig(cloud, creds), systemClockOffset: offset() });
  const developer: Creds = {
    accessKeyId: cloud.demo.iamUser.accessKeyId,
    secretAccessKey: cloud.demo.iamUser.secretAccessKey,
  };
  const sts = new STSClient({ ...sdkConfig(cloud, developer), systemClockOffset: offset() });
  const assumed = await sts.send(
    new AssumeRoleCommand({ RoleArn: backend.roleArn, RoleSessionName: 'backend' }),
  );
  const role: Creds = {
    accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
    secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
    sessionToken: assumed.Credentials?.SessionToken,
  };
  return { cloud, clock, backend, idp, developer, role, poolId: cloud.demo.userPool.id };
}

export type AdminWorld = Awaited<ReturnType<typeof adminWorld>>;

export const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({
      name: e.name,
      message: e.message,
      status: e.$metadata?.httpStatusCode,
    }),
  );

export async function createCarol(ctx: AdminWorld, temporary = 'Temp-Pass-2026!') {
  return ctx.idp(ctx.role).send(
    new AdminCreateUserCommand({
      UserPoolId: ctx.poolId,
      Username: 'carol',
      TemporaryPassword: temporary,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
    }),
  );
}

/** What IAM answers a principal none of whose policies allow `cognito-idp:<operation>` on the demo pool. */
export const deniedInIam = (ctx: AdminWorld, operation: string) => ({
  name: 'AccessDeniedException',
  message: `User: ${ctx.cloud.demo.iamUser.arn} is not authorized to perform: cognito-idp:${operation} on resource: ${ctx.backend.userPoolArn} because no identity-based policy allows the cognito-idp:${operation} action`,
  status: 400,
});

/** `ctx`'s cloud with the demo pool's record changed by `change` (a snapshot round trip). */
export async function changePool(ctx: AdminWorld, change: (pool: Record<string, unknown>) => void) {
  const snap = ctx.cloud.snapshot();
  const state = JSON.parse(snap.state);
  change(state.cognitoIdp.pools[ctx.poolId]);
  await ctx.cloud.restore({ ...snap, state: JSON.stringify(state) });
}
