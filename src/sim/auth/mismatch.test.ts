/**
 * A signature made with the wrong secret, in each JSON dialect, driven through the SDK clients with the
 * raw reply kept beside what the SDK parsed. JSON 1.1 services (Cognito user pool Admin* calls,
 * identity pool developer calls, SSM) answer 400 with the short sentence only; Cognito Sync (REST-JSON)
 * answers 403 and adds the canonical string and string to sign (errors.ts cites the reports).
 */
import {
  GetOpenIdTokenForDeveloperIdentityCommand,
  CognitoIdentityClient,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoSyncClient, ListDatasetsCommand } from '@aws-sdk/client-cognito-sync';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { createCloudHandler, createTestClock } from '../../../tests/support/cloud-handler';
import { createCloud, DEMO_DEVELOPER_PROVIDER } from '../index';
import { failure } from '../services/cognito-idp/test-setup';

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

async function world() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  const last: { status?: number; body?: string } = {};
  const fetch = async (request: Request) => {
    const response = await cloud.fetch(request);
    last.status = response.status;
    last.body = await response.clone().text();
    return response;
  };
  const user = cloud.demo.iamUser;
  const config = {
    region: cloud.demo.region,
    requestHandler: createCloudHandler({ fetch }),
    // The real access key id with a secret that is one character off.
    credentials: { accessKeyId: user.accessKeyId, secretAccessKey: `${user.secretAccessKey.slice(0, -1)}x` },
    maxAttempts: 1,
    systemClockOffset: clock.now() - Date.now(),
  };
  return { cloud, config, last };
}

describe('a signature made with the wrong secret', () => {
  it('cognito-idp AdminGetUser: 400 InvalidSignatureException with only the short sentence', async () => {
    const { cloud, config, last } = await world();
    const idp = new CognitoIdentityProviderClient(config);
    const err = await failure(
      idp.send(new AdminGetUserCommand({ UserPoolId: cloud.demo.userPool.id, Username: 'alice' })),
    );
    expect(err).toEqual({ name: 'InvalidSignatureException', message: MISMATCH, status: 400 });
    expect(JSON.parse(last.body ?? '')).toEqual({ __type: 'InvalidSignatureException', message: MISMATCH });
  });

  it('cognito-identity GetOpenIdTokenForDeveloperIdentity and SSM GetParameter: the same 400', async () => {
    const { cloud, config } = await world();
    const identity = new CognitoIdentityClient(config);
    const ssm = new SSMClient(config);
    const calls = [
      identity.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: cloud.demo.identityPool.id,
          Logins: { [DEMO_DEVELOPER_PROVIDER]: 'user-1' },
        }),
      ),
      ssm.send(new GetParameterCommand({ Name: '/atlas/public/motd' })),
    ];
    for (const call of calls) {
      expect(await failure(call)).toEqual({
        name: 'InvalidSignatureException',
        message: MISMATCH,
        status: 400,
      });
    }
  });

  it('cognito-sync (REST-JSON) keeps its 403 with the canonical string and string to sign', async () => {
    const { cloud, config } = await world();
    const sync = new CognitoSyncClient(config);
    const err = await failure(
      sync.send(
        new ListDatasetsCommand({
          IdentityPoolId: cloud.demo.identityPool.id,
          IdentityId: `${cloud.demo.region}:00000000-0000-4000-8000-000000000000`,
        }),
      ),
    );
    expect({ name: err.name, status: err.status }).toEqual({
      name: 'InvalidSignatureException',
      status: 403,
    });
    expect(err.message).toMatch(
      /^The request signature .+ for details\.\n\nThe Canonical String for this request should have been\n'GET\n/,
    );
    expect(err.message).toContain('\n\nThe String-to-Sign should have been\n');
  });
});
