import { createHmac } from 'node:crypto';
import {
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { decodeJwt, failure, setup } from '../../src/sim/services/cognito-idp/test-setup';
import { createSrpClient } from './srp-client';

type Ctx = Awaited<ReturnType<typeof setup>>;

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) written here from the RFC, independent of src/sim/iam/mfa.ts. */
function totp(base32: string, atMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...base32].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g)?.map((b) => Number.parseInt(b, 2)) ?? []);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 30000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[19] as number) & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const passwordSignIn = (ctx: Ctx, username: string, password: string) =>
  ctx.idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: ctx.demo.userPool.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );

const answerMfa = (ctx: Ctx, session: string | undefined, code: string, username = 'alice') =>
  ctx.idp.send(
    new RespondToAuthChallengeCommand({
      ClientId: ctx.demo.userPool.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: session,
      ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
    }),
  );

/** Alice turns TOTP MFA on through the API, then the clock moves past the code she used. */
async function enrolAlice(ctx: Ctx) {
  const { username, password } = ctx.demo.userPool.users[0] as { username: string; password: string };
  const AccessToken = (await passwordSignIn(ctx, username, password)).AuthenticationResult
    ?.AccessToken as string;
  const { SecretCode } = await ctx.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  const secret = SecretCode as string;
  const verified = await ctx.idp.send(
    new VerifySoftwareTokenCommand({
      AccessToken,
      UserCode: totp(secret, ctx.clock.now()),
      FriendlyDeviceName: 'phone',
    }),
  );
  expect(verified.Status).toBe('SUCCESS');
  await ctx.idp.send(
    new SetUserMFAPreferenceCommand({
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  ctx.clock.advance(30_000);
  return { username, password, secret, AccessToken };
}

describe('cognito-idp SOFTWARE_TOKEN_MFA', () => {
  it('hands out a base32 secret and refuses a wrong code at VerifySoftwareToken', async () => {
    const ctx = await setup();
    const { username, password } = ctx.demo.userPool.users[0] as { username: string; password: string };
    const AccessToken = (await passwordSignIn(ctx, username, password)).AuthenticationResult
      ?.AccessToken as string;
    const { SecretCode } = await ctx.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(SecretCode).toMatch(/^[A-Z2-7]{52}$/);
    expect(
      await failure(
        ctx.idp.send(
          new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true } }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
      status: 400,
    });
    const wrong = totp(SecretCode as string, ctx.clock.now()) === '000000' ? '111111' : '000000';
    expect(
      await failure(ctx.idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: wrong }))),
    ).toEqual({
      name: 'EnableSoftwareTokenMFAException',
      message: 'Code mismatch and fail enable Software Token MFA',
      status: 400,
    });
  });

  it('stops USER_PASSWORD_AUTH at a SOFTWARE_TOKEN_MFA challenge, answered with the TOTP code', async () => {
    const ctx = await setup();
    const { username, password, secret } = await enrolAlice(ctx);
    const started = await passwordSignIn(ctx, username, password);
    expect(started.AuthenticationResult).toBeUndefined();
    expect(started.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(started.ChallengeParameters).toEqual({});
    expect(started.Session?.length).toBeGreaterThan(20);
    const done = await answerMfa(ctx, started.Session, totp(secret, ctx.clock.now()));
    expect(decodeJwt(done.AuthenticationResult?.IdToken as string).payload['cognito:username']).toBe('alice');
    expect(done.ChallengeParameters).toEqual({});
  });

  it('stops USER_SRP_AUTH the same way after the PASSWORD_VERIFIER step', async () => {
    const ctx = await setup();
    const { username, password, secret } = await enrolAlice(ctx);
    const client = createSrpClient(ctx.demo.userPool.id);
    const started = await ctx.idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: ctx.demo.userPool.clientId,
        AuthParameters: { USERNAME: username, SRP_A: client.srpA },
      }),
    );
    const verifier = await ctx.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: ctx.demo.userPool.clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: client.answer(started.ChallengeParameters ?? {}, password, ctx.clock.now()),
      }),
    );
    expect(verifier.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(verifier.AuthenticationResult).toBeUndefined();
    const done = await answerMfa(ctx, verifier.Session, totp(secret, ctx.clock.now()));
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses a wrong code, a missing, altered, replayed or expired Session', async () => {
    const ctx = await setup();
    const { username, password, secret } = await enrolAlice(ctx);
    const code = () => totp(secret, ctx.clock.now());
    const start = async () => (await passwordSignIn(ctx, username, password)).Session as string;

    const s1 = await start();
    const wrong = code() === '000000' ? '111111' : '000000';
    expect(await failure(answerMfa(ctx, s1, wrong))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
      status: 400,
    });

    expect(await failure(answerMfa(ctx, undefined, code()))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter Session',
      status: 400,
    });

    const invalid = { name: 'NotAuthorizedException', message: 'Invalid session for the user.', status: 400 };
    const s2 = await start();
    const altered = `${s2.slice(0, -4)}${s2.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await failure(answerMfa(ctx, altered, code()))).toEqual(invalid);

    const s3 = await start();
    expect((await answerMfa(ctx, s3, code())).AuthenticationResult?.IdToken).toBeTruthy();
    ctx.clock.advance(30_000);
    expect(await failure(answerMfa(ctx, s3, code()))).toEqual(invalid);

    const s4 = await start();
    ctx.clock.advance(3 * 60 * 1000);
    expect(await failure(answerMfa(ctx, s4, code()))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
      status: 400,
    });
  });

  it('refuses a Session presented under another challenge name', async () => {
    const ctx = await setup();
    const { username, password, secret } = await enrolAlice(ctx);
    const session = (await passwordSignIn(ctx, username, password)).Session as string;
    const client = createSrpClient(ctx.demo.userPool.id);
    const started = await ctx.idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: ctx.demo.userPool.clientId,
        AuthParameters: { USERNAME: username, SRP_A: client.srpA },
      }),
    );
    // The PASSWORD_VERIFIER handle is not a SOFTWARE_TOKEN_MFA session.
    expect(
      await failure(answerMfa(ctx, started.ChallengeParameters?.SECRET_BLOCK, totp(secret, ctx.clock.now()))),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Invalid session for the user.', status: 400 });
    expect(
      (
        await failure(
          ctx.idp.send(
            new RespondToAuthChallengeCommand({
              ClientId: ctx.demo.userPool.clientId,
              ChallengeName: 'NOT_A_CHALLENGE' as never,
              Session: session,
              ChallengeResponses: { USERNAME: username },
            }),
          ),
        )
      ).name,
    ).toBe('InvalidParameterException');
  });
});
