import {
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJwt, failure, setup } from '../../src/sim/services/cognito-idp/test-setup';
import { cognitoTimestamp, createSrpClient, N } from './srp-client';

type Ctx = Awaited<ReturnType<typeof setup>>;

async function initiate(
  idp: CognitoIdentityProviderClient,
  clientId: string,
  username: string,
  srpA: string,
) {
  return idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, SRP_A: srpA },
    }),
  );
}

/** Runs the whole exchange for a user; `tamper` may alter the answer before it is sent. */
async function signIn(
  ctx: Ctx,
  username: string,
  password: string,
  tamper: (answer: Record<string, string>) => Record<string, string> = (x) => x,
) {
  const client = createSrpClient(ctx.demo.userPool.id);
  const started = await initiate(ctx.idp, ctx.demo.userPool.clientId, username, client.srpA);
  const answer = client.answer(started.ChallengeParameters ?? {}, password, ctx.clock.now());
  return ctx.idp.send(
    new RespondToAuthChallengeCommand({
      ClientId: ctx.demo.userPool.clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: tamper(answer),
    }),
  );
}

const alice = (ctx: Ctx) => ctx.demo.userPool.users[0] as { username: string; password: string };
const WRONG = { name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 };

describe('cognito-idp USER_SRP_AUTH', () => {
  it('answers SRP_A with a PASSWORD_VERIFIER challenge carrying the five parameters and no Session', async () => {
    const ctx = await setup();
    const client = createSrpClient(ctx.demo.userPool.id);
    const out = await initiate(ctx.idp, ctx.demo.userPool.clientId, 'ALICE', client.srpA);
    expect(out.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(out.Session).toBeUndefined();
    expect(out.AuthenticationResult).toBeUndefined();
    const p = out.ChallengeParameters ?? {};
    expect(Object.keys(p).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(p.USERNAME).toBe('alice');
    expect(p.USER_ID_FOR_SRP).toBe('alice');
    expect(p.SALT).toMatch(/^[0-9a-f]{32}$/);
    expect(p.SRP_B).toMatch(/^[0-9a-f]+$/);
    const B = BigInt(`0x${p.SRP_B}`);
    expect(B > 0n && B < N).toBe(true);
    expect(Buffer.from(p.SECRET_BLOCK as string, 'base64').length).toBeGreaterThan(32);
  });

  it('signs in with the right password: tokens that verify against the pool JWKS', async () => {
    const ctx = await setup();
    const { username, password } = alice(ctx);
    const out = await signIn(ctx, username, password);
    expect(out.ChallengeName).toBeUndefined();
    expect(out.ChallengeParameters).toEqual({});
    const result = out.AuthenticationResult ?? {};
    expect(Object.keys(result).sort()).toEqual([
      'AccessToken',
      'ExpiresIn',
      'IdToken',
      'RefreshToken',
      'TokenType',
    ]);
    expect(result.TokenType).toBe('Bearer');
    expect(result.ExpiresIn).toBe(3600);
    const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${ctx.demo.userPool.id}`;
    const jwks = await (await ctx.cloud.fetch(new Request(`${issuer}/.well-known/jwks.json`))).json();
    const keys = createLocalJWKSet(jwks as never);
    const currentDate = new Date(ctx.clock.now());
    const id = await jwtVerify(result.IdToken as string, keys, {
      issuer,
      audience: ctx.demo.userPool.clientId,
      currentDate,
    });
    expect(id.payload['cognito:username']).toBe('alice');
    expect(id.payload.token_use).toBe('id');
    const access = await jwtVerify(result.AccessToken as string, keys, { issuer, currentDate });
    expect(access.payload.username).toBe('alice');
    expect(access.payload.scope).toBe('aws.cognito.signin.user.admin');
    expect(access.payload.auth_time).toBe(Math.floor(ctx.clock.now() / 1000));
  });

  it('gives the same claims as USER_PASSWORD_AUTH (one user, two flows)', async () => {
    const ctx = await setup();
    const { username, password } = alice(ctx);
    const viaSrp = decodeJwt((await signIn(ctx, username, password)).AuthenticationResult?.IdToken as string);
    const viaPassword = decodeJwt(
      (
        await ctx.idp.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: ctx.demo.userPool.clientId,
            AuthParameters: { USERNAME: username, PASSWORD: password },
          }),
        )
      ).AuthenticationResult?.IdToken as string,
    );
    const perSignIn = ['jti', 'origin_jti', 'event_id'];
    const strip = (p: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(p).filter(([k]) => !perSignIn.includes(k)));
    expect(strip(viaSrp.payload)).toEqual(strip(viaPassword.payload));
  });

  it('refuses a wrong password with NotAuthorizedException "Incorrect username or password."', async () => {
    const ctx = await setup();
    expect(await failure(signIn(ctx, 'alice', 'Not-Alices-2026!'))).toEqual(WRONG);
  });

  it('refuses an altered signature, an altered secret block and a zero-padded day in TIMESTAMP', async () => {
    const ctx = await setup();
    const { username, password } = alice(ctx);
    const flip = (s: string) => (s.startsWith('A') ? `B${s.slice(1)}` : `A${s.slice(1)}`);
    expect(
      await failure(
        signIn(ctx, username, password, (a) => ({
          ...a,
          PASSWORD_CLAIM_SIGNATURE: flip(a.PASSWORD_CLAIM_SIGNATURE as string),
        })),
      ),
    ).toEqual(WRONG);
    expect(
      await failure(
        signIn(ctx, username, password, (a) => ({
          ...a,
          PASSWORD_CLAIM_SECRET_BLOCK: flip(a.PASSWORD_CLAIM_SECRET_BLOCK as string),
        })),
      ),
    ).toEqual(WRONG);
    // The test clock reads Nov 26; a timestamp spelled "Nov 26" vs "Nov 026" is the non-canonical form.
    expect(
      await failure(
        signIn(ctx, username, password, (a) => ({
          ...a,
          TIMESTAMP: (a.TIMESTAMP as string).replace(/ (\d+) /, ' 0$1 '),
        })),
      ),
    ).toEqual(WRONG);
  });

  it('accepts an answer only once: a replayed PASSWORD_VERIFIER answer is refused', async () => {
    const ctx = await setup();
    const { username, password } = alice(ctx);
    const client = createSrpClient(ctx.demo.userPool.id);
    const started = await initiate(ctx.idp, ctx.demo.userPool.clientId, username, client.srpA);
    const answer = new RespondToAuthChallengeCommand({
      ClientId: ctx.demo.userPool.clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: client.answer(started.ChallengeParameters ?? {}, password, ctx.clock.now()),
    });
    expect((await ctx.idp.send(answer)).AuthenticationResult?.AccessToken).toBeTruthy();
    expect(await failure(ctx.idp.send(answer))).toEqual(WRONG);
  });

  it('expires the challenge after the default AuthSessionValidity of 3 minutes', async () => {
    const ctx = await setup();
    const { username, password } = alice(ctx);
    const early = createSrpClient(ctx.demo.userPool.id);
    const startedEarly = await initiate(ctx.idp, ctx.demo.userPool.clientId, username, early.srpA);
    ctx.clock.advance(3 * 60 * 1000 - 1000);
    const inTime = early.answer(startedEarly.ChallengeParameters ?? {}, password, ctx.clock.now());
    const ok = await ctx.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: ctx.demo.userPool.clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: inTime,
      }),
    );
    expect(ok.AuthenticationResult?.IdToken).toBeTruthy();

    const late = createSrpClient(ctx.demo.userPool.id);
    const startedLate = await initiate(ctx.idp, ctx.demo.userPool.clientId, username, late.srpA);
    ctx.clock.advance(3 * 60 * 1000);
    const tooLate = late.answer(startedLate.ChallengeParameters ?? {}, password, ctx.clock.now());
    expect(
      await failure(
        ctx.idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: ctx.demo.userPool.clientId,
            ChallengeName: 'PASSWORD_VERIFIER',
            ChallengeResponses: tooLate,
          }),
        ),
      ),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
      status: 400,
    });
  });

  it('refuses SRP_A = 0 mod N (RFC 5054 2.5.4) with InvalidParameterException', async () => {
    const ctx = await setup();
    for (const bad of [N.toString(16), (2n * N).toString(16), '0']) {
      const f = await failure(initiate(ctx.idp, ctx.demo.userPool.clientId, 'alice', bad));
      expect(f.name).toBe('InvalidParameterException');
      expect(f.status).toBe(400);
    }
  });

  it('names a missing SRP_A', async () => {
    const ctx = await setup();
    expect(
      await failure(
        ctx.idp.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_SRP_AUTH',
            ClientId: ctx.demo.userPool.clientId,
            AuthParameters: { USERNAME: 'alice' },
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter SRP_A',
      status: 400,
    });
  });

  it('is refused on a client without ALLOW_USER_SRP_AUTH', async () => {
    const ctx = await setup();
    const client = createSrpClient(ctx.demo.userPool.id);
    expect(await failure(initiate(ctx.idp, ctx.demo.userPool.otherClientId, 'alice', client.srpA))).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_SRP_AUTH flow not enabled for this client',
      status: 400,
    });
  });

  it('hides unknown users behind a decoy challenge when PreventUserExistenceErrors is ENABLED', async () => {
    const ctx = await setup();
    const first = await initiate(
      ctx.idp,
      ctx.demo.userPool.clientId,
      'nobody',
      createSrpClient(ctx.demo.userPool.id).srpA,
    );
    expect(first.ChallengeName).toBe('PASSWORD_VERIFIER');
    const again = await initiate(
      ctx.idp,
      ctx.demo.userPool.clientId,
      'nobody',
      createSrpClient(ctx.demo.userPool.id).srpA,
    );
    expect(again.ChallengeParameters?.SALT).toBe(first.ChallengeParameters?.SALT);
    expect(await failure(signIn(ctx, 'nobody', 'Whatever-2026!'))).toEqual(WRONG);
  });

  it('answers unconfirmed and disabled users as the password flow does', async () => {
    const ctx = await setup();
    const una = ctx.demo.userPool.unconfirmedUser;
    expect(await failure(signIn(ctx, una.username, 'Wrong-Password-1!'))).toEqual({
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
      status: 400,
    });
    const dirk = ctx.demo.userPool.disabledUser;
    expect(await failure(signIn(ctx, dirk.username, dirk.password))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
      status: 400,
    });
  });

  it('counts wrong proofs toward the lockout shared with USER_PASSWORD_AUTH', async () => {
    const ctx = await setup();
    const { username, password } = alice(ctx);
    for (let i = 0; i < 5; i++)
      expect(await failure(signIn(ctx, username, 'Wrong-Password-1!'))).toEqual(WRONG);
    const locked = { name: 'NotAuthorizedException', message: 'Password attempts exceeded', status: 400 };
    expect(await failure(signIn(ctx, username, password))).toEqual(locked);
    ctx.clock.advance(1000);
    expect((await signIn(ctx, username, password)).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('signs in a user who signed up through the API (verifier stored at SignUp)', async () => {
    const ctx = await setup();
    const password = 'Fresh-Signup-2026!';
    await ctx.idp.send(
      new SignUpCommand({
        ClientId: ctx.demo.userPool.clientId,
        Username: 'Zoe',
        Password: password,
        UserAttributes: [{ Name: 'email', Value: 'zoe@example.com' }],
      }),
    );
    const code = ctx.demo.userPool.inbox().find((m) => m.username === 'zoe')?.code as string;
    const { ConfirmSignUpCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    await ctx.idp.send(
      new ConfirmSignUpCommand({
        ClientId: ctx.demo.userPool.clientId,
        Username: 'Zoe',
        ConfirmationCode: code,
      }),
    );
    const out = await signIn(ctx, 'Zoe', password);
    expect(decodeJwt(out.AuthenticationResult?.AccessToken as string).payload.username).toBe('zoe');
  });

  it('formats TIMESTAMP without padding the day of the month', () => {
    expect(cognitoTimestamp(Date.UTC(2026, 8, 5, 9, 3, 7))).toBe('Sat Sep 5 09:03:07 UTC 2026');
  });
});
