/**
 * The enhanced flow end to end through `cloud.fetch`, as a browser app runs it with raw requests:
 * InitiateAuth (USER_PASSWORD_AUTH) → GetId (Logins: the ID token) → GetCredentialsForIdentity →
 * a SigV4-signed S3 GetObject of public/welcome.txt, which S3 verifies and IAM evaluates.
 * The signing on the client side uses the project's browser signer (what the UI and sync client use).
 */
import type { Cloud } from '../src/sim/index';
import { signRequest } from '../src/sim/sigv4/sign-request';

export const FLOW_OBJECT_KEY = 'public/welcome.txt';

async function json11(cloud: Cloud, host: string, target: string, body: unknown) {
  const response = await cloud.fetch(
    new Request(`https://${host}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: JSON.stringify(body),
    }),
  );
  const out = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${target}: ${response.status} ${JSON.stringify(out)}`);
  return out;
}

/** Runs the flow once; returns the object's text so a caller can check the flow really worked. */
export async function runEnhancedFlow(cloud: Cloud, now: () => number): Promise<string> {
  const { demo } = cloud;
  const user = demo.userPool.users[0] as { username: string; password: string };
  const auth = await json11(
    cloud,
    `cognito-idp.${demo.region}.amazonaws.com`,
    'AWSCognitoIdentityProviderService.InitiateAuth',
    {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: demo.userPool.clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    },
  );
  const idToken = (auth.AuthenticationResult as { IdToken: string }).IdToken;
  const Logins = { [`cognito-idp.${demo.region}.amazonaws.com/${demo.userPool.id}`]: idToken };
  const identityHost = `cognito-identity.${demo.region}.amazonaws.com`;
  const { IdentityId } = await json11(cloud, identityHost, 'AWSCognitoIdentityService.GetId', {
    IdentityPoolId: demo.identityPool.id,
    Logins,
  });
  const creds = await json11(cloud, identityHost, 'AWSCognitoIdentityService.GetCredentialsForIdentity', {
    IdentityId,
    Logins,
  });
  const c = creds.Credentials as { AccessKeyId: string; SecretKey: string; SessionToken: string };
  const signed = await signRequest(
    new Request(`https://${demo.bucket}.s3.${demo.region}.amazonaws.com/${FLOW_OBJECT_KEY}`),
    { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken },
    { service: 's3', region: demo.region, now: now() },
  );
  const object = await cloud.fetch(signed);
  const text = await object.text();
  if (object.status !== 200) throw new Error(`GetObject: ${object.status} ${text}`);
  return text;
}
