import type { TraceEvent } from '../../src/sim/core/trace';
import type { PolicyDocument } from '../../src/sim/iam/types';
import { cognitoGuestSessionPolicies } from '../../src/sim/iam/managed/cognito-guest';
import { type Cloud, createCloud } from '../../src/sim/index';
import type { WorldState } from '../../src/sim/world';

/**
 * A demo cloud plus a few principals of our own, written into the world's state through the public
 * snapshot/restore path: an IAM user with long-term keys, and STS sessions shaped as the identity
 * pool flows leave them (enhanced-flow guest with Cognito's scope-down, basic-flow guest, and an
 * authenticated identity). Lets the endpoint tests run whatever the other seeds contain.
 */
export const FIXTURE_USER_KEY = {
  accessKeyId: 'AKIAFIXTURE00000TEST',
  secretAccessKey: 'fixture/secret/key/0000000000000000000000',
};

export interface FixtureCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface EndpointWorld {
  cloud: Cloud;
  events: TraceEvent[];
  bucket: string;
  accountId: string;
  user: FixtureCredentials & { arn: string };
  guestEnhanced: FixtureCredentials & { identityId: string; arn: string };
  guestBasic: FixtureCredentials & { identityId: string; arn: string };
  alice: FixtureCredentials & { identityId: string; arn: string };
  bob: FixtureCredentials & { identityId: string; arn: string };
}

const allow = (
  Action: string | string[],
  Resource: string | string[],
  Condition?: Record<string, Record<string, string | string[]>>,
) => ({
  Effect: 'Allow' as const,
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});

export async function createEndpointWorld(now: () => number): Promise<EndpointWorld> {
  const base = await createCloud({ now });
  const snap = base.snapshot();
  const state = JSON.parse(snap.state) as WorldState;
  const acct = snap.ids.accountId;
  const region = snap.region;
  const bucket = snap.ids.bucket;
  const poolId = snap.ids.identityPoolId;

  state.iam.users['fixture-dev'] = {
    userName: 'fixture-dev',
    path: '/',
    arn: `arn:aws:iam::${acct}:user/fixture-dev`,
    userId: 'AIDAFIXTUREDEV0000001',
    createDate: now(),
    accessKeys: [{ ...FIXTURE_USER_KEY, status: 'Active', createDate: now() }],
    mfaDevices: [],
    inlinePolicies: [
      {
        name: 'FixtureDeveloper',
        document: {
          Version: '2012-10-17',
          Statement: [
            allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], `arn:aws:s3:::${bucket}/*`),
            allow('s3:ListBucket', `arn:aws:s3:::${bucket}`),
            allow('execute-api:Invoke', '*'),
            allow('ssm:GetParameter', `arn:aws:ssm:${region}:${acct}:parameter/atlas/*`),
          ],
        },
      },
    ],
    attachedPolicyArns: [],
    tags: {},
  };
  const identityRole = (roleName: string, statements: PolicyDocument['Statement']) => {
    state.iam.roles[roleName] = {
      roleName,
      path: '/',
      arn: `arn:aws:iam::${acct}:role/${roleName}`,
      roleId: `AROA${roleName.toUpperCase().padEnd(17, '0').slice(0, 17)}`,
      createDate: now(),
      trustPolicy: { Version: '2012-10-17', Statement: [] },
      maxSessionDuration: 3600,
      inlinePolicies: [{ name: 'Access', document: { Version: '2012-10-17', Statement: statements } }],
      attachedPolicyArns: [],
      tags: {},
    };
    return state.iam.roles[roleName];
  };
  const guestRole = identityRole('FixtureGuestRole', [
    allow('s3:GetObject', `arn:aws:s3:::${bucket}/public/*`),
    allow('s3:ListBucket', `arn:aws:s3:::${bucket}`, { StringLike: { 's3:prefix': 'public/*' } }),
    allow('ssm:GetParameter', `arn:aws:ssm:${region}:${acct}:parameter/atlas/public/*`),
  ]);
  const authRole = identityRole('FixtureAuthRole', [
    allow('s3:GetObject', `arn:aws:s3:::${bucket}/public/*`),
    allow(
      ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      `arn:aws:s3:::${bucket}/private/\${cognito-identity.amazonaws.com:sub}/*`,
    ),
    allow('s3:ListBucket', `arn:aws:s3:::${bucket}`, {
      // A policy variable, written literally (not a template substitution).
      StringLike: { 's3:prefix': ['public/*', `private/\${cognito-identity.amazonaws.com:sub}/*`] },
    }),
    allow('execute-api:Invoke', `arn:aws:execute-api:${region}:${acct}:*/prod/GET/iam`),
  ]);

  const session = (
    n: number,
    role: NonNullable<typeof guestRole>,
    identityId: string,
    amr: string[],
    sessionPolicies: ReturnType<typeof cognitoGuestSessionPolicies>,
  ) => {
    const accessKeyId = `ASIAFIXTURE0000000${n}`.slice(0, 20);
    const creds = {
      accessKeyId,
      secretAccessKey: `fixture-session-secret-${n}`.padEnd(40, 'x'),
      sessionToken: `FixtureSessionToken${n}`,
    };
    const arn = `arn:aws:sts::${acct}:assumed-role/${role.roleName}/CognitoIdentityCredentials`;
    state.sts.sessions[accessKeyId] = {
      ...creds,
      issuedAt: now(),
      expiration: now() + 3600_000,
      kind: 'assumed-role',
      source: 'AssumeRoleWithWebIdentity',
      arn,
      userId: `${role.roleId}:CognitoIdentityCredentials`,
      roleName: role.roleName,
      roleArn: role.arn,
      sessionName: 'CognitoIdentityCredentials',
      sessionPolicies,
      context: {
        'aws:FederatedProvider': 'cognito-identity.amazonaws.com',
        'cognito-identity.amazonaws.com:aud': poolId,
        'cognito-identity.amazonaws.com:sub': identityId,
        'cognito-identity.amazonaws.com:amr': amr,
      },
    };
    return { ...creds, identityId, arn };
  };
  const userPoolProvider = `cognito-idp.${region}.amazonaws.com/${snap.ids.userPoolId}`;
  const guestEnhanced = session(
    1,
    guestRole as NonNullable<typeof guestRole>,
    `${region}:00000000-0000-4000-8000-00000000000a`,
    ['unauthenticated'],
    cognitoGuestSessionPolicies(),
  );
  const guestBasic = session(
    2,
    guestRole as NonNullable<typeof guestRole>,
    `${region}:00000000-0000-4000-8000-00000000000b`,
    ['unauthenticated'],
    [],
  );
  const alice = session(
    3,
    authRole as NonNullable<typeof authRole>,
    `${region}:00000000-0000-4000-8000-0000000a11ce`,
    ['authenticated', userPoolProvider, `${userPoolProvider}:CognitoSignIn:alice-sub`],
    [],
  );
  const bob = session(
    4,
    authRole as NonNullable<typeof authRole>,
    `${region}:00000000-0000-4000-8000-000000000b0b`,
    ['authenticated', userPoolProvider, `${userPoolProvider}:CognitoSignIn:bob-sub`],
    [],
  );

  const cloud = await createCloud({ now, snapshot: { ...snap, state: JSON.stringify(state) } });
  const events: TraceEvent[] = [];
  cloud.subscribe((e) => events.push(e));
  return {
    cloud,
    events,
    bucket,
    accountId: acct,
    user: { ...FIXTURE_USER_KEY, arn: `arn:aws:iam::${acct}:user/fixture-dev` },
    guestEnhanced,
    guestBasic,
    alice,
    bob,
  };
}
