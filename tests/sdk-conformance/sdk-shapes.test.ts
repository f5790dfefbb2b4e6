/**
 * Fidelity audit: every JSON 1.1 and Query response the engine sends during a broad scripted session
 * (each identity pool, user pool, SSM and STS operation it serves, successes and errors) is checked
 * against the installed SDK clients' schemas with shape-audit.ts.
 */
import {
  CognitoIdentityClient,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  GetPrincipalTagAttributeMapCommand,
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
  UnlinkIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  ConfirmSignUpCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { googleIdToken } from '../../src/sim/services/cognito-identity/test-helpers';
import { createCloudHandler } from '../support/cloud-handler';
import type { Clock, Credentials } from '../pipeline/pipeline-support';
import {
  auditJsonOutput,
  auditQueryOutput,
  loadSchemas,
  modelledErrors,
  type SchemaModule,
} from './shape-audit';
import { DEVELOPER_PROVIDER, developerKeys, gapCloud } from './support';

interface Exchange {
  target: string;
  action: string;
  status: number;
  body: string;
  contentType: string;
}

/** A cloud whose every request/response pair is kept for the audit. */
function recording(cloud: Cloud) {
  const log: Exchange[] = [];
  const fetch = async (request: Request) => {
    const body = request.method === 'POST' ? await request.clone().text() : '';
    const response = await cloud.fetch(request);
    log.push({
      target: request.headers.get('x-amz-target') ?? '',
      action: new URLSearchParams(body).get('Action') ?? '',
      status: response.status,
      body: await response.clone().text(),
      contentType: response.headers.get('content-type') ?? '',
    });
    return response;
  };
  return { log, handler: createCloudHandler({ fetch }) };
}

const config = (
  handler: ReturnType<typeof createCloudHandler>,
  cloud: Cloud,
  clock: Clock,
  credentials?: Credentials,
) => ({
  region: cloud.demo.region,
  requestHandler: handler,
  credentials: credentials ?? { accessKeyId: 'AKIDUNSIGNEDPLACEHOLDER', secretAccessKey: 'unused' },
  maxAttempts: 1,
  systemClockOffset: clock.now() - Date.now(),
});

const quiet = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch {
    // errors are part of the audit
  }
};

async function session() {
  const { cloud, clock } = await gapCloud();
  const { log, handler } = recording(cloud);
  const poolId = cloud.demo.identityPool.id;
  const dev = developerKeys(cloud);
  const identity = new CognitoIdentityClient(config(handler, cloud, clock));
  const backend = new CognitoIdentityClient(config(handler, cloud, clock, dev));
  const idp = new CognitoIdentityProviderClient(config(handler, cloud, clock));
  const stsAnon = new STSClient(config(handler, cloud, clock));
  const stsDev = new STSClient(config(handler, cloud, clock, dev));
  const clientId = cloud.demo.userPool.clientId;
  const alice = cloud.demo.userPool.users[0] as { username: string; password: string };

  // User pool.
  const signIn = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password },
    }),
  );
  const tokens = signIn.AuthenticationResult ?? {};
  await quiet(
    idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: alice.username, PASSWORD: 'wrong-Passw0rd!' },
      }),
    ),
  );
  await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: clientId,
      AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken as string },
    }),
  );
  await quiet(
    idp.send(
      new GetTokensFromRefreshTokenCommand({
        ClientId: clientId,
        RefreshToken: tokens.RefreshToken as string,
      }),
    ),
  );
  await idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
  await quiet(
    idp.send(
      new UpdateUserAttributesCommand({
        AccessToken: tokens.AccessToken,
        UserAttributes: [{ Name: 'email', Value: 'alice2@example.test' }],
      }),
    ),
  );
  await quiet(
    idp.send(
      new GetUserAttributeVerificationCodeCommand({
        AccessToken: tokens.AccessToken,
        AttributeName: 'email',
      }),
    ),
  );
  await quiet(
    idp.send(
      new VerifyUserAttributeCommand({
        AccessToken: tokens.AccessToken,
        AttributeName: 'email',
        Code: '000000',
      }),
    ),
  );
  const signUp = await idp.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: 'zed',
      Password: 'Zed-passw0rd!',
      UserAttributes: [{ Name: 'email', Value: 'zed@example.test' }],
    }),
  );
  expect(signUp.UserSub).toBeTruthy();
  await idp.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'zed' }));
  await quiet(
    idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'zed', ConfirmationCode: '000000' })),
  );
  await quiet(idp.send(new SignUpCommand({ ClientId: clientId, Username: 'zed', Password: 'short' })));
  // Forgotten passwords and a Lambda trigger's refusal (issue 11 B.2/B.3).
  await idp.send(new ForgotPasswordCommand({ ClientId: clientId, Username: alice.username }));
  await quiet(
    idp.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: alice.username,
        ConfirmationCode: '000000',
        Password: 'New-passw0rd!',
      }),
    ),
  );
  cloud.demo.userPool.setTriggers({ preSignUp: { reject: 'closed' } });
  await quiet(idp.send(new SignUpCommand({ ClientId: clientId, Username: 'zoe', Password: 'Zoe-passw0rd!' })));
  cloud.demo.userPool.setTriggers({});
  await idp.send(new RevokeTokenCommand({ ClientId: clientId, Token: tokens.RefreshToken as string }));
  await quiet(idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken })));
  const bob = cloud.demo.userPool.users[1] as { username: string; password: string };
  const bobIn = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: bob.username, PASSWORD: bob.password },
    }),
  );
  await idp.send(new GlobalSignOutCommand({ AccessToken: bobIn.AuthenticationResult?.AccessToken }));

  // Identity pool: public operations.
  const guest = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
  await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId }));
  // The basic flow only in the pool without role mappings; the role-mapped pool refuses it.
  const classicGuest = await identity.send(
    new GetIdCommand({ IdentityPoolId: cloud.demo.classicIdentityPool.id }),
  );
  await identity.send(new GetOpenIdTokenCommand({ IdentityId: classicGuest.IdentityId }));
  await quiet(identity.send(new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId })));
  const google = { 'accounts.google.com': await googleIdToken(cloud, clock.now()) };
  const carol = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: google }));
  await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: carol.IdentityId, Logins: google }));
  await quiet(
    identity.send(new GetIdCommand({ IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' })),
  );
  await quiet(identity.send(new GetIdCommand({ IdentityPoolId: 'bad' })));
  await quiet(identity.send(new GetCredentialsForIdentityCommand({ IdentityId: carol.IdentityId })));
  // Identity pool: developer backend.
  const a = await backend.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: poolId,
      Logins: { [DEVELOPER_PROVIDER]: 'a' },
    }),
  );
  await backend.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: poolId,
      Logins: { [DEVELOPER_PROVIDER]: 'b' },
    }),
  );
  await quiet(
    backend.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        IdentityId: a.IdentityId,
        Logins: { [DEVELOPER_PROVIDER]: 'b' },
      }),
    ),
  );
  await backend.send(
    new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'a' }),
  );
  await backend.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: DEVELOPER_PROVIDER,
      SourceUserIdentifier: 'b',
      DestinationUserIdentifier: 'a',
    }),
  );
  await backend.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
  await backend.send(new DescribeIdentityCommand({ IdentityId: carol.IdentityId }));
  await backend.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 2 }));
  const roles = await backend.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
  await backend.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: poolId,
      Roles: roles.Roles,
      RoleMappings: roles.RoleMappings,
    }),
  );
  await identity.send(
    new UnlinkIdentityCommand({
      IdentityId: carol.IdentityId,
      Logins: google,
      LoginsToRemove: ['accounts.google.com'],
    }),
  );
  await quiet(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId })));

  // SSM with guest credentials (denied by the scope-down) and the developer role (allowed).
  const assumed = await stsDev.send(
    new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'audit' }),
  );
  const roleCreds = {
    accessKeyId: assumed.Credentials?.AccessKeyId as string,
    secretAccessKey: assumed.Credentials?.SecretAccessKey as string,
    sessionToken: assumed.Credentials?.SessionToken as string,
  };
  const ssm = new SSMClient(config(handler, cloud, clock, roleCreds));
  await ssm.send(new GetParameterCommand({ Name: '/atlas/public/greeting' }));
  await quiet(ssm.send(new GetParameterCommand({ Name: '/atlas/missing' })));

  // STS.
  await quiet(
    stsDev.send(new AssumeRoleCommand({ RoleArn: cloud.demo.iam?.mfaRoleArn, RoleSessionName: 'no-mfa' })),
  );
  await stsDev.send(
    new AssumeRoleCommand({
      RoleArn: cloud.demo.iam?.mfaRoleArn,
      RoleSessionName: 'mfa',
      SerialNumber: cloud.demo.iamUser.mfaSerial,
      TokenCode: await cloud.demo.iamUser.mfaCode(clock.now()),
    }),
  );
  await stsDev.send(new GetSessionTokenCommand({}));
  await stsDev.send(
    new GetFederationTokenCommand({
      Name: 'audit',
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      }),
    }),
  );
  await stsDev.send(new GetCallerIdentityCommand({}));
  const googleToken = await cloud.demo.google.signIn(
    cloud.demo.google.users[0]?.username as string,
    cloud.demo.google.users[0]?.password as string,
  );
  await stsAnon.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: cloud.demo.webIdentityRoleArn,
      RoleSessionName: 'web',
      WebIdentityToken: googleToken,
    }),
  );
  await quiet(
    stsAnon.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.webIdentityRoleArn,
        RoleSessionName: 'web',
        WebIdentityToken: 'not-a-jwt',
      }),
    ),
  );
  const dave = cloud.demo.saml.users[0] as { username: string; password: string };
  const assertion = await cloud.demo.saml.signIn(dave.username, dave.password);
  await stsAnon.send(
    new AssumeRoleWithSAMLCommand({
      RoleArn: cloud.demo.saml.roleArn,
      PrincipalArn: cloud.demo.saml.providerArn,
      SAMLAssertion: assertion,
    }),
  );
  await quiet(stsAnon.send(new GetCallerIdentityCommand({})));
  await adminSession(cloud, clock, handler, dev);
  return log;
}

/** Attributes for access control and the user pool's Admin API (signed). */
async function adminSession(
  cloud: Cloud,
  clock: Clock,
  handler: ReturnType<typeof createCloudHandler>,
  dev: Credentials,
) {
  const poolId = cloud.demo.identityPool.id;
  const backend = new CognitoIdentityClient(config(handler, cloud, clock, dev));
  const provider = `cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.userPool.id}`;
  await backend.send(
    new SetPrincipalTagAttributeMapCommand({
      IdentityPoolId: poolId,
      IdentityProviderName: provider,
      UseDefaults: true,
    }),
  );
  await backend.send(
    new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: poolId, IdentityProviderName: provider }),
  );
  await quiet(
    backend.send(
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: poolId,
        IdentityProviderName: 'accounts.google.com',
      }),
    ),
  );
  const stsDev = new STSClient(config(handler, cloud, clock, dev));
  await quiet(
    stsDev.send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'tagged',
        Tags: [{ Key: 'team', Value: 'atlas' }],
      }),
    ),
  );
  const admin = cloud.demo.adminBackend;
  if (!admin) throw new Error('demo.adminBackend missing');
  const assumed = await stsDev.send(
    new AssumeRoleCommand({ RoleArn: admin.roleArn, RoleSessionName: 'backend' }),
  );
  const role = {
    accessKeyId: assumed.Credentials?.AccessKeyId as string,
    secretAccessKey: assumed.Credentials?.SecretAccessKey as string,
    sessionToken: assumed.Credentials?.SessionToken as string,
  };
  const idp = new CognitoIdentityProviderClient(config(handler, cloud, clock, role));
  const UserPoolId = cloud.demo.userPool.id;
  await idp.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: 'yara',
      TemporaryPassword: 'Temp-Pass-2026!',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'yara@example.test' }],
    }),
  );
  await quiet(idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'yara' })));
  const started = await idp.send(
    new AdminInitiateAuthCommand({
      UserPoolId,
      ClientId: admin.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'yara', PASSWORD: 'Temp-Pass-2026!' },
    }),
  );
  await idp.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId,
      ClientId: admin.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: started.Session,
      ChallengeResponses: { USERNAME: 'yara', NEW_PASSWORD: 'Yara-Own-2026!' },
    }),
  );
  await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'yara' }));
  await quiet(idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'nobody' })));
  await idp.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'yara', GroupName: 'readers' }));
  await idp.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: 'yara' }));
  const unsigned = new CognitoIdentityProviderClient(config(handler, cloud, clock, dev));
  await quiet(unsigned.send(new AdminGetUserCommand({ UserPoolId, Username: 'yara' })));
}

const SERVICES: Record<string, { client: string; generic: string[] }> = {
  AWSCognitoIdentityService: { client: 'client-cognito-identity', generic: [] },
  AWSCognitoIdentityProviderService: { client: 'client-cognito-identity-provider', generic: [] },
  AmazonSSM: { client: 'client-ssm', generic: [] },
  sts: { client: 'client-sts', generic: [] },
};

// Codes every AWS service may answer from its front end (authentication, throttling), which the
// per-service models do not list (AWS "Common Errors" pages).
const COMMON_ERRORS = [
  'AccessDeniedException',
  'MissingAuthenticationTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'ExpiredTokenException',
  'ValidationException',
  'AccessDenied',
  'MissingAuthenticationToken',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'ExpiredToken',
  'ValidationError',
];

describe('SDK schema audit of every JSON 1.1 and Query response in a scripted session', () => {
  it('uses only modelled member names, types, required members and timestamp formats, and modelled or common error codes', async () => {
    const log = await session();
    const schemas: Record<string, SchemaModule> = {};
    for (const [prefix, { client }] of Object.entries(SERVICES)) schemas[prefix] = await loadSchemas(client);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const x of log) {
      const [prefix, op] = x.target ? (x.target.split('.') as [string, string]) : ['sts', x.action];
      const module = schemas[prefix];
      if (!module || !op) continue;
      seen.add(`${prefix}.${op}${x.status === 200 ? '' : '!'}`);
      if (x.status === 200) {
        problems.push(
          ...(prefix === 'sts'
            ? auditQueryOutput(module, op, x.body)
            : auditJsonOutput(module, op, JSON.parse(x.body))),
        );
      } else {
        const code =
          prefix === 'sts'
            ? /<Code>([^<]+)<\/Code>/.exec(x.body)?.[1]
            : (JSON.parse(x.body) as { __type: string }).__type;
        const modelled = code ? modelledErrors(module)[code] : undefined;
        if (!code || (modelled === undefined && !COMMON_ERRORS.includes(code)))
          problems.push(`${prefix}.${op}: error code ${code} is neither modelled nor a common AWS error`);
        // Only Query errors carry their status in the wire contract (awsQueryError). JSON 1.1 services
        // answer 400 whatever the model's httpError hint says: e.g. NotAuthorizedException is modelled
        // 403 but real Cognito sends "400 Bad Request" with it (ellaisys/aws-cognito issue 94, and the
        // statusCode 400 in amazon-cognito-identity-dart-2 issue 157), so JSON statuses are not compared.
        else if (prefix === 'sts' && modelled && modelled !== x.status)
          problems.push(`${prefix}.${op}: ${code} sent with status ${x.status}, the model says ${modelled}`);
      }
    }
    expect(problems).toEqual([]);
    // The session really exercised the operations (success and failure).
    for (const op of ['GlobalSignOut', 'RevokeToken', 'GetTokensFromRefreshToken', 'ConfirmSignUp!'])
      expect(seen).toContain(`AWSCognitoIdentityProviderService.${op}`);
    for (const op of ['ForgotPassword', 'ConfirmForgotPassword!', 'SignUp!'])
      expect(seen).toContain(`AWSCognitoIdentityProviderService.${op}`);
    for (const op of ['ListIdentities', 'MergeDeveloperIdentities', 'GetOpenIdTokenForDeveloperIdentity!'])
      expect(seen).toContain(`AWSCognitoIdentityService.${op}`);
    for (const op of ['AssumeRoleWithSAML', 'GetFederationToken', 'AssumeRoleWithWebIdentity!'])
      expect(seen).toContain(`sts.${op}`);
    expect(seen.size).toBeGreaterThan(38);
  });
});

describe('the schema audit itself', () => {
  it('reports a misspelt member, a missing required member and an ISO timestamp in a JSON 1.1 body', async () => {
    const schemas = await loadSchemas('client-cognito-identity');
    const problems = auditJsonOutput(schemas, 'GetCredentialsForIdentity', {
      IdentityId: 'us-east-1:0',
      Credentials: { AccessKeyId: 'ASIA', SecretAccessKey: 'x', Expiration: '2026-11-26T13:00:00Z' },
    });
    expect(problems).toEqual([
      'GetCredentialsForIdentity.Credentials.SecretAccessKey: not a member (members: AccessKeyId, SecretKey, SessionToken, Expiration)',
      'GetCredentialsForIdentity.Credentials.Expiration: timestamp must be epoch seconds (a number), got "2026-11-26T13:00:00Z"',
    ]);
    expect(auditJsonOutput(schemas, 'DescribeIdentityPool', { IdentityPoolId: 'us-east-1:0' })).toEqual([
      'DescribeIdentityPool.IdentityPoolName: required member missing',
      'DescribeIdentityPool.AllowUnauthenticatedIdentities: required member missing',
    ]);
  });

  it('reports epoch seconds and unknown elements in a Query XML result, and knows Query wire codes', async () => {
    const schemas = await loadSchemas('client-sts');
    const xml = `<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetSessionTokenResult><Credentials><AccessKeyId>ASIA</AccessKeyId><SecretKey>x</SecretKey><SessionToken>t</SessionToken><Expiration>1700000000</Expiration></Credentials></GetSessionTokenResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetSessionTokenResponse>`;
    expect(auditQueryOutput(schemas, 'GetSessionToken', xml)).toEqual([
      'GetSessionToken.Credentials.SecretKey: not a member (members: AccessKeyId, SecretAccessKey, SessionToken, Expiration)',
      'GetSessionToken.Credentials.Expiration: timestamp must be ISO 8601, got 1700000000',
      'GetSessionToken.Credentials.SecretAccessKey: required member missing',
    ]);
    expect(modelledErrors(schemas)).toMatchObject({ InvalidIdentityToken: 400, IDPRejectedClaim: 403 });
  });
});
