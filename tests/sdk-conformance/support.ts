/**
 * Shared helpers for the engine-gap suites: a demo cloud on a test clock, SDK clients signed with the
 * demo IAM user's long-term keys (the "developer backend"), and JWT decoding for whole-value checks.
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { STSClient } from '@aws-sdk/client-sts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { type Cloud, createCloud } from '../../src/sim/index';
import { createTestClock } from '../support/cloud-handler';
import { type Clock, type Credentials, clientConfig } from '../pipeline/pipeline-support';

export async function gapCloud() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  return { cloud, clock };
}

export const developerKeys = (cloud: Cloud): Credentials => ({
  accessKeyId: cloud.demo.iamUser.accessKeyId,
  secretAccessKey: cloud.demo.iamUser.secretAccessKey,
});

/** The identity pools API signed with `credentials` (the developer's keys by default). */
export const signedIdentity = (cloud: Cloud, clock: Clock, credentials: Credentials = developerKeys(cloud)) =>
  new CognitoIdentityClient(clientConfig(cloud, clock, credentials));

/** The public (unsigned) identity pool operations, as a browser app calls them. */
export const publicIdentity = (cloud: Cloud, clock: Clock) =>
  new CognitoIdentityClient(clientConfig(cloud, clock));

export const sts = (cloud: Cloud, clock: Clock, credentials?: Credentials) =>
  new STSClient(clientConfig(cloud, clock, credentials));

export const decode = (token: string) => ({ header: decodeProtectedHeader(token), claims: decodeJwt(token) });

export const DEVELOPER_PROVIDER = 'login.identity-atlas.demo';
export const roleArn = (cloud: Cloud, name: string) => `arn:aws:iam::${cloud.demo.accountId}:role/${name}`;
