import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type { Cloud } from '../../src/sim/index';
import { createCloudHandler, type createTestClock } from '../support/cloud-handler';

/**
 * Helpers for the end-to-end pipeline tests: every step goes through the official SDK v3 clients
 * into cloud.fetch, the way an app in the browser would talk to AWS.
 */
export type Clock = ReturnType<typeof createTestClock>;
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function clientConfig(cloud: Cloud, clock: Clock, credentials?: Credentials) {
  return {
    region: cloud.demo.region,
    requestHandler: createCloudHandler(cloud),
    credentials: credentials ?? { accessKeyId: 'AKIDUNSIGNEDPLACEHOLDER', secretAccessKey: 'unused' },
    maxAttempts: 1,
    // The SDK signs with its own clock; align it with the simulation's so SigV4 skew checks pass.
    systemClockOffset: clock.now() - Date.now(),
  };
}

export async function signInToUserPool(cloud: Cloud, clock: Clock, index = 0) {
  const user = cloud.demo.userPool.users[index];
  if (!user) throw new Error(`demo user ${index} missing`);
  const idp = new CognitoIdentityProviderClient(clientConfig(cloud, clock));
  const out = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cloud.demo.userPool.clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  const result = out.AuthenticationResult;
  if (!result?.IdToken || !result.AccessToken || !result.RefreshToken) throw new Error('no tokens');
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken,
    username: user.username,
  };
}

export const userPoolLoginKey = (cloud: Cloud) =>
  `cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.userPool.id}`;

/** The enhanced flow: GetId then GetCredentialsForIdentity with the same Logins. */
export async function enhancedFlow(cloud: Cloud, clock: Clock, logins?: Record<string, string>) {
  const identity = new CognitoIdentityClient(clientConfig(cloud, clock));
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins: logins }),
  );
  if (!IdentityId) throw new Error('no identity id');
  const out = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || !c.Expiration) throw new Error('no credentials');
  return {
    identityId: IdentityId,
    expiration: c.Expiration,
    credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken },
  };
}

export const s3For = (cloud: Cloud, clock: Clock, credentials: Credentials) =>
  new S3Client(clientConfig(cloud, clock, credentials));
export const stsFor = (cloud: Cloud, clock: Clock, credentials?: Credentials) =>
  new STSClient(clientConfig(cloud, clock, credentials));

/** Runs `fn`, expecting the SDK to throw a service error; returns its name, message and status. */
export async function failure(
  fn: () => Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await fn();
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, and it succeeded');
}
