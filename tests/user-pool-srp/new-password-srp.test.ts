import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/sim/index';
import type { WorldState } from '../../src/sim/world';
import { createTestClock, sdkConfig } from '../support/cloud-handler';
import { createSrpClient } from './srp-client';

/** alice as an administrator-created user who has not chosen a password yet (AdminCreateUser's state). */
async function forcedAliceCloud() {
  const clock = createTestClock();
  const fresh = await createCloud({ now: clock.now });
  const snapshot = fresh.snapshot();
  const state = JSON.parse(snapshot.state) as WorldState;
  const alice = state.cognitoIdp.pools[fresh.demo.userPool.id]?.users.alice;
  if (!alice) throw new Error('no alice');
  alice.status = 'FORCE_CHANGE_PASSWORD';
  alice.temporaryPasswordExpiresAt = clock.now() + 7 * 24 * 3600 * 1000;
  const cloud = await createCloud({
    now: clock.now,
    snapshot: { ...snapshot, state: JSON.stringify(state) },
  });
  return { cloud, clock, idp: new CognitoIdentityProviderClient(sdkConfig(cloud)) };
}

describe('USER_SRP_AUTH for a FORCE_CHANGE_PASSWORD user', () => {
  it('answers a correct SRP proof with NEW_PASSWORD_REQUIRED, then tokens once a new password is chosen', async () => {
    const { cloud, clock, idp } = await forcedAliceCloud();
    const { username, password } = cloud.demo.userPool.users[0] as { username: string; password: string };
    const clientId = cloud.demo.userPool.clientId;
    const srp = createSrpClient(cloud.demo.userPool.id);
    const started = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, SRP_A: srp.srpA },
      }),
    );
    const proof = await idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: srp.answer(started.ChallengeParameters ?? {}, password, clock.now()),
      }),
    );
    expect(proof.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(proof.AuthenticationResult).toBeUndefined();
    const done = await idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: proof.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: 'Alice-Chosen-2026!' },
      }),
    );
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
  });
});
