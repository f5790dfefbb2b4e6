// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} in policy text is IAM policy-variable syntax
/**
 * The demo world's IAM: the developer user (long-term keys and a virtual MFA device), the roles of
 * every flow with their trust policies, the SAML and OIDC providers, and permission policies chosen
 * so that each flow has something it may and something it may not do. Identity-pool roles use the
 * documented `${cognito-identity.amazonaws.com:sub}` pattern (Cognito guide, "IAM roles").
 */
import { getOwn } from '../core/dict';
import type { Demo } from '../types';
import { totpCode } from '../iam/mfa';
import {
  attachPolicy,
  createAccessKey,
  createPolicy,
  createRole,
  createSamlProvider,
  createUser,
  createVirtualMfaDevice,
  getUser,
  putInlinePolicy,
} from '../iam/state';
import type { PolicyDocument, PolicyStatement } from '../iam/types';
import type { World } from '../world';
import { createRandom } from '../core/random';
import { classicIdentityPoolId, type DemoIds } from './ids';

export const DEMO_USER_NAME = 'atlas-developer';
export const DEMO_ROLE_NAMES = {
  authenticated: 'AtlasAuthenticatedRole',
  guest: 'AtlasGuestRole',
  admins: 'AtlasAdminsRole',
  readers: 'AtlasReadersRole',
  developer: 'AtlasDeveloperRole',
  mfa: 'AtlasMfaRole',
  webIdentity: 'AtlasWebIdentityRole',
  saml: 'AtlasSamlRole',
  legacy: 'AtlasLegacyRole',
  classicAuthenticated: 'AtlasClassicAuthenticatedRole',
  classicGuest: 'AtlasClassicGuestRole',
} as const;
export const DEMO_SAML_PROVIDER_NAME = 'ExampleCorpIdP';
/** The audience AWS's SAML sign-in endpoint expects (`SAML:aud`). */
export const AWS_SAML_SIGNIN_AUDIENCE = 'https://signin.aws.amazon.com/saml';
const COGNITO_IDENTITY = 'cognito-identity.amazonaws.com';
const SUB = '${cognito-identity.amazonaws.com:sub}';

const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: '2012-10-17', Statement });

function identityPoolTrust(poolId: string, amr: 'authenticated' | 'unauthenticated'): PolicyDocument {
  return doc({
    Effect: 'Allow',
    Principal: { Federated: COGNITO_IDENTITY },
    // Signed-in users carry principal tags (attributes for access control, demo/departments.ts), which
    // the trust policy must let Cognito pass with sts:TagSession (Cognito guide, "Attributes for access control").
    Action:
      amr === 'authenticated'
        ? ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']
        : 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
    },
  });
}

/**
 * What every identity-pool role (guest included) may do: the bucket's public and own-private prefixes,
 * the API, sync (in `poolId`'s datasets), AppSync, SSM.
 */
function identityPoolAccess(world: World, ids: DemoIds, poolId: string): PolicyDocument {
  const { region, accountId } = world;
  const bucket = `arn:aws:s3:::${ids.bucket}`;
  return doc(
    { Sid: 'ReadPublic', Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucket}/public/*` },
    {
      Sid: 'OwnPrivatePrefix',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: `${bucket}/private/${SUB}/*`,
    },
    {
      Sid: 'ListPublicAndOwnPrefix',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: bucket,
      Condition: {
        StringLike: { 's3:prefix': ['public/', 'public/*', `private/${SUB}/`, `private/${SUB}/*`] },
      },
    },
    {
      Sid: 'InvokeIamRoute',
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: `arn:aws:execute-api:${region}:${accountId}:${ids.apiId}/*/GET/iam`,
    },
    {
      Sid: 'OwnSyncData',
      Effect: 'Allow',
      Action: 'cognito-sync:*',
      Resource: `arn:aws:cognito-sync:${region}:${accountId}:identitypool/${poolId}/identity/${SUB}/*`,
    },
    {
      Sid: 'SharedList',
      Effect: 'Allow',
      Action: 'appsync:GraphQL',
      Resource: `arn:aws:appsync:${region}:${accountId}:apis/${ids.appSyncApiId}/*`,
    },
    {
      Sid: 'PublicParameters',
      Effect: 'Allow',
      Action: 'ssm:GetParameter',
      Resource: `arn:aws:ssm:${region}:${accountId}:parameter/atlas/public/*`,
    },
  );
}

function readPublic(ids: DemoIds): PolicyDocument {
  const bucket = `arn:aws:s3:::${ids.bucket}`;
  return doc(
    { Sid: 'ReadPublic', Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucket}/public/*` },
    {
      Sid: 'ListPublic',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: bucket,
      Condition: { StringLike: { 's3:prefix': ['public/', 'public/*'] } },
    },
  );
}

export async function seedIam(world: World, ids: DemoIds): Promise<void> {
  const { region, accountId } = world;
  const arn = (kind: string, name: string) => `arn:aws:iam::${accountId}:${kind}/${name}`;
  const bucket = `arn:aws:s3:::${ids.bucket}`;
  const parameters = `arn:aws:ssm:${region}:${accountId}:parameter/atlas/*`;

  // Identity providers. SAML needs one in IAM; Google and Cognito Identity are built into STS, so the
  // account registers no IAM OIDC provider for them (IAM API reference, CreateOpenIDConnectProvider).
  const saml = createSamlProvider(world, DEMO_SAML_PROVIDER_NAME, [world.keys.saml.certificateBase64]);

  // The developer user.
  const user = createUser(world, { userName: DEMO_USER_NAME });
  createAccessKey(world, DEMO_USER_NAME);
  createVirtualMfaDevice(world, DEMO_USER_NAME);
  putInlinePolicy(
    user,
    'AtlasDeveloperAccess',
    doc(
      {
        Sid: 'AssumeDeveloperRoles',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: [arn('role', DEMO_ROLE_NAMES.developer), arn('role', DEMO_ROLE_NAMES.mfa)],
      },
      {
        Sid: 'FederationToken',
        Effect: 'Allow',
        Action: 'sts:GetFederationToken',
        Resource: `arn:aws:sts::${accountId}:federated-user/*`,
      },
      { Sid: 'SessionToken', Effect: 'Allow', Action: 'sts:GetSessionToken', Resource: '*' },
      {
        Sid: 'UseTheBucket',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: `${bucket}/*`,
      },
      { Sid: 'ListTheBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
      {
        // The developer backend of the demo pool: GetOpenIdTokenForDeveloperIdentity, Lookup/Merge,
        // Describe/List and the role settings are all SigV4-signed and IAM-authorized on the pool ARN.
        Sid: 'DeveloperIdentityBackend',
        Effect: 'Allow',
        Action: 'cognito-identity:*',
        Resource: [ids.identityPoolId, classicIdentityPoolId(ids)].map(
          (id) => `arn:aws:cognito-identity:${region}:${accountId}:identitypool/${id}`,
        ),
      },
    ),
  );

  // Identity-pool roles share one customer managed policy; admins may also publish to public/.
  const poolAccess = createPolicy(world, {
    policyName: 'AtlasIdentityPoolAccess',
    document: identityPoolAccess(world, ids, ids.identityPoolId),
    description: 'What identity-pool credentials may do in the demo',
  });
  const authTrust = identityPoolTrust(ids.identityPoolId, 'authenticated');
  for (const roleName of [DEMO_ROLE_NAMES.authenticated, DEMO_ROLE_NAMES.admins, DEMO_ROLE_NAMES.readers]) {
    const role = createRole(world, { roleName, trustPolicy: authTrust });
    attachPolicy(world, role, poolAccess.arn);
  }
  const guest = createRole(world, {
    roleName: DEMO_ROLE_NAMES.guest,
    trustPolicy: identityPoolTrust(ids.identityPoolId, 'unauthenticated'),
  });
  attachPolicy(world, guest, poolAccess.arn);
  const admins = getOwn(world.state.iam.roles, DEMO_ROLE_NAMES.admins);
  if (admins) {
    putInlinePolicy(
      admins,
      'PublishPublic',
      doc({
        Sid: 'WritePublic',
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:DeleteObject'],
        Resource: `${bucket}/public/*`,
      }),
    );
  }

  // Roles the IAM user assumes: with a permissions boundary, and one that needs MFA.
  const boundary = createPolicy(world, {
    policyName: 'AtlasDeveloperBoundary',
    description: 'Permissions boundary: the most the developer role can ever do',
    document: doc({
      Sid: 'Ceiling',
      Effect: 'Allow',
      Action: [
        's3:*',
        'ssm:GetParameter*',
        'sts:GetCallerIdentity',
        'execute-api:Invoke',
        'appsync:GraphQL',
        'cognito-sync:*',
      ],
      Resource: '*',
    }),
  });
  const developer = createRole(world, {
    roleName: DEMO_ROLE_NAMES.developer,
    trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' }),
  });
  putInlinePolicy(
    developer,
    'ReadBucketAndParameters',
    doc(
      {
        Sid: 'ReadBucket',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: [bucket, `${bucket}/*`],
      },
      { Sid: 'ReadParameters', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: parameters },
    ),
  );
  developer.permissionsBoundaryArn = boundary.arn;

  const mfa = createRole(world, {
    roleName: DEMO_ROLE_NAMES.mfa,
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { AWS: user.arn },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    }),
  });
  putInlinePolicy(
    mfa,
    'ManageBucketAndParameters',
    doc(
      {
        Sid: 'ManageObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: `${bucket}/*`,
      },
      { Sid: 'ListBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
      { Sid: 'ReadParameters', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: parameters },
    ),
  );

  // Federation roles.
  const webIdentity = createRole(world, {
    roleName: DEMO_ROLE_NAMES.webIdentity,
    trustPolicy: doc(
      {
        Sid: 'Google',
        Effect: 'Allow',
        Principal: { Federated: 'accounts.google.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'accounts.google.com:aud': ids.googleClientId } },
      },
      {
        Sid: 'CognitoIdentity',
        Effect: 'Allow',
        Principal: { Federated: COGNITO_IDENTITY },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': ids.identityPoolId } },
      },
    ),
  });
  putInlinePolicy(webIdentity, 'ReadPublic', readPublic(ids));

  // ExampleCorp's assertion names this role in its Role attribute. STS takes it straight from the
  // assertion (AssumeRoleWithSAML); the identity pool takes it too, but assumes it with its own OpenID
  // token, so the role must also trust cognito-identity.amazonaws.com for that pool (the pattern of
  // AWS's samljs-serverless-sample, Scenario 1).
  const samlRole = createRole(world, {
    roleName: DEMO_ROLE_NAMES.saml,
    trustPolicy: doc(
      {
        Sid: 'ExampleCorpDirect',
        Effect: 'Allow',
        Principal: { Federated: saml.arn },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': AWS_SAML_SIGNIN_AUDIENCE } },
      },
      {
        Sid: 'ExampleCorpThroughTheIdentityPool',
        Effect: 'Allow',
        Principal: { Federated: COGNITO_IDENTITY },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': ids.identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ),
  });
  putInlinePolicy(samlRole, 'ReadPublic', readPublic(ids));

  // The attack-mode example: a trust policy with no aud/amr condition lets ANY identity pool's
  // identities assume the role through the basic flow (current IAM refuses to create this; docs/aws-reference.md §4.10).
  const legacy = createRole(world, {
    roleName: DEMO_ROLE_NAMES.legacy,
    description: 'Trust policy missing its cognito-identity.amazonaws.com:aud condition (do not do this)',
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { Federated: COGNITO_IDENTITY },
      Action: 'sts:AssumeRoleWithWebIdentity',
    }),
  });
  putInlinePolicy(
    legacy,
    'ReadWholeBucket',
    doc({
      Sid: 'ReadEverything',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [bucket, `${bucket}/*`],
    }),
  );

  seedClassicPoolRoles(world, ids);
}

/**
 * The roles of the classic (basic-flow) identity pool: trust policies pinned to THAT pool's id, and the
 * same access as the enhanced pool's roles (the bucket policy's own-prefix rule keys on the identity id,
 * so it covers both pools' identities). Made with a generator of their own so that adding them shifts
 * none of the ids the rest of the demo draws.
 */
function seedClassicPoolRoles(world: World, ids: DemoIds): void {
  const poolId = classicIdentityPoolId(ids);
  const side: World = { ...world, random: createRandom(`classic-identity-pool-roles|${poolId}`) };
  const access = createPolicy(side, {
    policyName: 'AtlasClassicPoolAccess',
    document: identityPoolAccess(world, ids, poolId),
    description: 'What the classic identity pool’s credentials may do in the demo',
  });
  const signedIn = createRole(side, {
    roleName: DEMO_ROLE_NAMES.classicAuthenticated,
    trustPolicy: identityPoolTrust(poolId, 'authenticated'),
  });
  attachPolicy(side, signedIn, access.arn);
  const guest = createRole(side, {
    roleName: DEMO_ROLE_NAMES.classicGuest,
    trustPolicy: identityPoolTrust(poolId, 'unauthenticated'),
  });
  attachPolicy(side, guest, access.arn);
}

export function describeIam(world: World, _ids: DemoIds): Partial<Demo> {
  const user = getUser(world, DEMO_USER_NAME);
  const key = user?.accessKeys[0];
  const device = user?.mfaDevices[0];
  const roleArn = (name: string) =>
    getOwn(world.state.iam.roles, name)?.arn ?? `arn:aws:iam::${world.accountId}:role/${name}`;
  const seed = device?.base32Seed ?? '';
  return {
    iamUser: {
      arn: user?.arn ?? `arn:aws:iam::${world.accountId}:user/${DEMO_USER_NAME}`,
      accessKeyId: key?.accessKeyId ?? '',
      secretAccessKey: key?.secretAccessKey ?? '',
      mfaSerial: device?.serialNumber ?? `arn:aws:iam::${world.accountId}:mfa/${DEMO_USER_NAME}`,
      mfaCode: (atMs: number) => totpCode(seed, atMs),
    },
    assumableRoleArn: roleArn(DEMO_ROLE_NAMES.developer),
    webIdentityRoleArn: roleArn(DEMO_ROLE_NAMES.webIdentity),
    iam: {
      mfaRoleArn: roleArn(DEMO_ROLE_NAMES.mfa),
      legacyRoleArn: roleArn(DEMO_ROLE_NAMES.legacy),
      samlProviderArn: `arn:aws:iam::${world.accountId}:saml-provider/${DEMO_SAML_PROVIDER_NAME}`,
      roles: Object.fromEntries(Object.values(DEMO_ROLE_NAMES).map((name) => [name, roleArn(name)])),
    },
  };
}
