/**
 * The scripted session the SDK schema audit (sdk-shapes.test.ts) records: each identity pool, user pool,
 * SSM and STS operation the engine serves, driven through the official SDK v3 clients, successes and
 * errors alike. Every request/response pair is kept for the audit.
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
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  UnlinkIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import {
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
import { googleIdToken } from '../../src/sim/services/cognito-identity/test-helpers';
import { DEVELOPER_PROVIDER, developerKeys, gapCloud } from './support';
import { expect } from 'vitest';
import { adminSession } from './scripted-admin-session';
import { config, type Exchange, quiet, recording } from './session-support';

export type { Exchange };

export async function session() {
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
  await quiet(
    idp.send(new SignUpCommand({ ClientId: clientId, Username: 'zoe', Password: 'Zoe-passw0rd!' })),
  );
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
