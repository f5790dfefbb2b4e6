/**
 * Concurrent requests at every user pool operation that checks before it writes. Each handler checks
 * (username free? code unused? account locked? challenge still open? token revoked?), awaits
 * WebCrypto, then writes; the engine's request queue must make a burst answer exactly as the same
 * requests sent one after another do.
 */
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { sdkConfig } from '../support/cloud-handler';
import { createSrpClient } from '../user-pool-srp/srp-client';
import { concurrentAndSequential, count, outcomeOf, sdkOutcome, times } from './concurrency-support';
import { idp, idpHost, signIn } from './hostile-support';

const raw = (cloud: Cloud, op: string, body: unknown) =>
  cloud.fetch(
    new Request(idpHost(cloud), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
      },
      body: JSON.stringify(body),
    }),
  );

const NEW_USER = { Username: 'racer', Password: 'Racing-Tabs-2026!' };

const signUp = (cloud: Cloud) =>
  new CognitoIdentityProviderClient(sdkConfig(cloud)).send(
    new SignUpCommand({
      ClientId: cloud.demo.userPool.clientId,
      ...NEW_USER,
      UserAttributes: [{ Name: 'email', Value: 'racer@example.test' }],
    }),
  );

describe('user pool under concurrent requests', () => {
  it('SignUp: six at once for one new username keep one user; the others get UsernameExistsException', async () => {
    const { concurrent, sequential, clouds } = await concurrentAndSequential(
      async () => undefined,
      (cloud) => times(6, () => sdkOutcome(signUp(cloud))),
    );
    expect(concurrent).toEqual(sequential);
    expect(count(concurrent, '200')).toBe(1);
    expect(count(concurrent, '400 UsernameExistsException')).toBe(5);
    const pool = JSON.parse(clouds[0].snapshot().state).cognitoIdp.pools[clouds[0].demo.userPool.id];
    const kept = Object.values(pool.users as Record<string, { username: string }>).filter(
      (u) => u.username === NEW_USER.Username,
    );
    expect(kept).toHaveLength(1);
    // One code was sent: the one user that exists can be confirmed with it.
    expect(clouds[0].demo.userPool.inbox().filter((m) => m.username === NEW_USER.Username)).toHaveLength(1);
  });

  it('ConfirmSignUp: five at once with the one code answer as five in a row', async () => {
    const { concurrent, sequential } = await concurrentAndSequential(
      async (cloud) => {
        await signUp(cloud);
        const mail = cloud.demo.userPool.inbox().find((m) => m.username === NEW_USER.Username);
        return mail?.code as string;
      },
      (cloud, code) =>
        times(5, () =>
          raw(cloud, 'ConfirmSignUp', {
            ClientId: cloud.demo.userPool.clientId,
            Username: NEW_USER.Username,
            ConfirmationCode: code,
          }).then(outcomeOf),
        ),
    );
    expect(concurrent).toEqual(sequential);
    expect(count(concurrent, '200')).toBeGreaterThanOrEqual(1);
  });

  it('InitiateAuth: ten wrong passwords at once count toward the lockout one by one', async () => {
    const { concurrent, sequential, clouds } = await concurrentAndSequential(
      async () => undefined,
      (cloud) => {
        const alice = cloud.demo.userPool.users[0] as { username: string };
        return times(10, () =>
          raw(cloud, 'InitiateAuth', {
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: cloud.demo.userPool.clientId,
            AuthParameters: { USERNAME: alice.username, PASSWORD: 'Not-Her-Password-1!' },
          }).then(outcomeOf),
        );
      },
    );
    expect(concurrent).toEqual(sequential);
    // Five failures lock the account; attempts while locked are refused and not counted (lockout.ts).
    expect(count(concurrent, '400 NotAuthorizedException: Incorrect username or password.')).toBe(5);
    expect(count(concurrent, '400 NotAuthorizedException: Password attempts exceeded')).toBe(5);
    const [a, b] = clouds;
    expect(a.snapshot().state).toBe(b.snapshot().state);
  });

  it('RespondToAuthChallenge: one PASSWORD_VERIFIER answer sent five times at once earns tokens once', async () => {
    const { concurrent, sequential } = await concurrentAndSequential(
      async (cloud, clock) => {
        const client = new CognitoIdentityProviderClient(sdkConfig(cloud));
        const alice = cloud.demo.userPool.users[0] as { username: string; password: string };
        const srp = createSrpClient(cloud.demo.userPool.id);
        const started = await client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_SRP_AUTH',
            ClientId: cloud.demo.userPool.clientId,
            AuthParameters: { USERNAME: alice.username, SRP_A: srp.srpA },
          }),
        );
        return { client, answer: srp.answer(started.ChallengeParameters ?? {}, alice.password, clock.now()) };
      },
      (cloud, { client, answer }) =>
        times(5, () =>
          sdkOutcome(
            client.send(
              new RespondToAuthChallengeCommand({
                ClientId: cloud.demo.userPool.clientId,
                ChallengeName: 'PASSWORD_VERIFIER',
                ChallengeResponses: answer,
              }),
            ),
          ),
        ),
    );
    expect(concurrent).toEqual(sequential);
    expect(count(concurrent, '200')).toBe(1);
    expect(count(concurrent, '400 NotAuthorizedException')).toBe(4);
  });

  it('RevokeToken racing refreshes: refreshes sent after the revocation are refused, as in sequence', async () => {
    const { concurrent, sequential } = await concurrentAndSequential(
      (cloud) => signIn(cloud),
      (cloud, tokens) => {
        const refresh = () =>
          raw(cloud, 'InitiateAuth', {
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: cloud.demo.userPool.clientId,
            AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
          }).then(outcomeOf);
        const revoke = () =>
          raw(cloud, 'RevokeToken', {
            ClientId: cloud.demo.userPool.clientId,
            Token: tokens.RefreshToken,
          }).then(outcomeOf);
        return [refresh, refresh, revoke, refresh, refresh];
      },
    );
    expect(concurrent).toEqual(sequential);
    expect(count(concurrent, '200')).toBe(3);
    expect(count(concurrent, '400 NotAuthorizedException')).toBe(2);
  });

  it('GlobalSignOut racing refreshes and GetUser answers as the same calls in sequence', async () => {
    const { concurrent, sequential } = await concurrentAndSequential(
      (cloud) => signIn(cloud),
      (cloud, tokens) => {
        const refresh = () =>
          raw(cloud, 'InitiateAuth', {
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: cloud.demo.userPool.clientId,
            AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
          }).then(outcomeOf);
        const getUser = () => raw(cloud, 'GetUser', { AccessToken: tokens.AccessToken }).then(outcomeOf);
        const signOut = () =>
          raw(cloud, 'GlobalSignOut', { AccessToken: tokens.AccessToken }).then(outcomeOf);
        return [refresh, getUser, signOut, refresh, getUser, signOut];
      },
    );
    expect(concurrent).toEqual(sequential);
    // Before the sign-out: one refresh and one GetUser pass; after it, everything with this session fails.
    expect(count(concurrent, '200')).toBe(3);
  });

  it('a burst of sign-ins for one user leaves the same state as the burst sent in order', async () => {
    const { concurrent, sequential, clouds } = await concurrentAndSequential(
      async () => undefined,
      (cloud) => times(5, () => idp(cloud, 'InitiateAuth', signInBody(cloud)).then((r) => String(r.status))),
    );
    expect(concurrent).toEqual(sequential);
    expect(clouds[0].snapshot().state).toBe(clouds[1].snapshot().state);
  });
});

function signInBody(cloud: Cloud) {
  const alice = cloud.demo.userPool.users[0] as { username: string; password: string };
  return {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: cloud.demo.userPool.clientId,
    AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password },
  };
}

describe('the signed-in user changing and deleting themselves under concurrent requests', () => {
  it('ChangePassword and DeleteUser: five of each at once answer as five in a row', async () => {
    const { concurrent, sequential } = await concurrentAndSequential(
      async (cloud) => {
        const user = cloud.demo.userPool.users[0] as { password: string };
        return { token: (await signIn(cloud)).AccessToken, password: user.password };
      },
      (cloud, { token, password }) => [
        ...times(5, () =>
          raw(cloud, 'ChangePassword', {
            AccessToken: token,
            PreviousPassword: password,
            ProposedPassword: 'Changed-Once-2026!',
          }).then(outcomeOf),
        ),
        ...times(5, () => raw(cloud, 'DeleteUser', { AccessToken: token }).then(outcomeOf)),
      ],
    );
    expect(concurrent).toEqual(sequential);
    // The first change wins, the others name a password that no longer matches; the first delete wins.
    expect(count(concurrent, '200')).toBe(2);
    expect(count(concurrent, '400 NotAuthorizedException')).toBe(4);
    expect(count(concurrent, '400 UserNotFoundException')).toBe(4);
  });
});

describe('the Admin API under concurrent requests', () => {
  it('AdminDeleteUser and AdminDisableUser: five of each at once answer as ten in a row', async () => {
    const { concurrent, sequential, clouds } = await concurrentAndSequential(
      async (cloud, clock) => {
        const systemClockOffset = clock.now() - Date.now();
        const backend = cloud.demo.adminBackend;
        const { accessKeyId, secretAccessKey } = cloud.demo.iamUser;
        const assumed = await new STSClient({
          ...sdkConfig(cloud, { accessKeyId, secretAccessKey }),
          systemClockOffset,
        }).send(new AssumeRoleCommand({ RoleArn: backend?.roleArn, RoleSessionName: 'racer' }));
        const role = {
          accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
          secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
          sessionToken: assumed.Credentials?.SessionToken,
        };
        return new CognitoIdentityProviderClient({ ...sdkConfig(cloud, role), systemClockOffset });
      },
      (cloud, admin) => {
        const target = { UserPoolId: cloud.demo.userPool.id, Username: 'bob' };
        return [
          ...times(5, () =>
            sdkOutcome(admin.send(new AdminDeleteUserCommand({ ...target, Username: 'alice' }))),
          ),
          ...times(5, () => sdkOutcome(admin.send(new AdminDisableUserCommand(target)))),
        ];
      },
    );
    expect(concurrent).toEqual(sequential);
    // One delete finds alice, the other four find nobody; disabling bob is the same each time.
    expect(count(concurrent, '200')).toBe(6);
    expect(count(concurrent, '400 UserNotFoundException')).toBe(4);
    for (const cloud of clouds) {
      const users = JSON.parse(cloud.snapshot().state).cognitoIdp.pools[cloud.demo.userPool.id].users;
      expect(Object.values(users).map((u) => (u as { username: string }).username)).not.toContain('alice');
    }
  });
});
