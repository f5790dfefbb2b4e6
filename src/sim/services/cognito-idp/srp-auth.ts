import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { authSessionMs, newHandle, putChallenge, takeChallenge } from './challenges';
import { completeSignIn } from './complete-sign-in';
import { idpErrors } from './errors';
import { runPreAuthentication } from './lambda-triggers';
import { expireQuietFailures, isLocked, recordFailure, recordSuccess } from './lockout';
import { newPasswordChallenge } from './new-password-challenge';
import { findUser } from './pool-lookup';
import { refuseUnusablePassword } from './sign-in-status';
import { softwareTokenChallenge } from './software-token-mfa';
import {
  bytesToBigInt,
  bytesToHex,
  passwordClaimSignature,
  SRP_N,
  scramblingU,
  serverPublicB,
  serverSecretS,
  sessionKey,
} from './srp-math';
import { isCanonicalSrpTimestamp } from './srp-timestamp';
import { srpPoolName } from './srp-verifier';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';

/**
 * USER_SRP_AUTH, the flow Amplify and the SDK helpers use by default: the password never crosses the
 * wire. InitiateAuth(SRP_A) answers a PASSWORD_VERIFIER challenge (SALT, SECRET_BLOCK, SRP_B, USERNAME,
 * USER_ID_FOR_SRP); RespondToAuthChallenge proves knowledge of the password with an HMAC keyed by the
 * shared SRP session key.
 *
 * AWS returns no `Session` with PASSWORD_VERIFIER (observed: ministack PR #1758's measurements; pycognito
 * answers without one): the SECRET_BLOCK is the opaque state the client echoes back, so here it is the
 * key of the pending challenge. Every failure of the proof — wrong password, altered signature or secret
 * block, non-canonical TIMESTAMP — is "Incorrect username or password." (observed).
 */

const SECRET_BLOCK_BYTES = 96;
/** 256-bit secret exponent b, as in the clients' own a. */
const B_SECRET_BYTES = 32;

function required(params: Record<string, string>, name: string): string {
  const value = getOwn(params, name);
  if (!value) throw idpErrors.invalidParameter(`Missing required parameter ${name}`);
  return value;
}

function parseHex(text: string): bigint | undefined {
  return /^[0-9a-fA-F]+$/.test(text) ? BigInt(`0x${text}`) : undefined;
}

/** A decoy salt that stays the same for the same unknown name, so repeated tries reveal nothing. */
async function decoySalt(poolId: string, username: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`decoy:${poolId}:${username}`),
  );
  return bytesToHex(new Uint8Array(digest).slice(0, 16));
}

export async function startSrpAuth(
  pool: PoolRecord,
  client: AppClientRecord,
  params: Record<string, string>,
  ctx: RequestContext,
) {
  const { world } = ctx;
  const username = required(params, 'USERNAME');
  const A = parseHex(required(params, 'SRP_A'));
  // RFC 5054 2.5.4: the host aborts when A % N == 0 (else S is predictable and the proof forgeable).
  // AWS answers InvalidParameterException to an altered SRP_A (observed, amazon-cognito-identity-js
  // issue #356); the message text is not published.
  if (A === undefined || A % SRP_N === 0n) throw idpErrors.invalidParameter('Invalid SRP_A value.');
  const user = findUser(pool, username);
  if (!user && client.preventUserExistenceErrors !== 'ENABLED') throw idpErrors.userNotFound();
  if (user) runPreAuthentication(ctx, pool, client, user, undefined);
  const decoy = !user?.srp;
  const salt = user?.srp ? user.srp.salt : await decoySalt(pool.id, username);
  const v = user?.srp ? BigInt(`0x${user.srp.verifier}`) : bytesToBigInt(world.random.bytes(384)) % SRP_N;
  let b = 0n;
  let B = 0n;
  while (B === 0n) {
    b = bytesToBigInt(world.random.bytes(B_SECRET_BYTES));
    B = await serverPublicB(v, b);
  }
  const secretBlock = newHandle(world, SECRET_BLOCK_BYTES);
  const now = world.now();
  const userIdForSrp = user ? user.username : username;
  putChallenge(world, secretBlock, {
    challengeName: 'PASSWORD_VERIFIER',
    poolId: pool.id,
    clientId: client.clientId,
    username: userIdForSrp,
    createdAt: now,
    expiresAt: now + authSessionMs(client),
    srp: { b: b.toString(16), A: A.toString(16), B: B.toString(16), decoy },
    authFlow: 'USER_SRP_AUTH',
  });
  ctx.emit('auth.challenge', `PASSWORD_VERIFIER for ${userIdForSrp}: salt and B sent, b kept`, {
    challengeName: 'PASSWORD_VERIFIER',
    ...(user ? {} : { reason: 'unknown-user (decoy challenge, PreventUserExistenceErrors ENABLED)' }),
    ...(user && !user.srp ? { reason: 'no SRP verifier stored for this user' } : {}),
  });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt,
      SECRET_BLOCK: secretBlock,
      SRP_B: B.toString(16),
      USERNAME: userIdForSrp,
      USER_ID_FOR_SRP: userIdForSrp,
    },
  };
}

function base64ToBytes(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Checks the client's proof: HMAC(K, poolName ‖ userIdForSrp ‖ secretBlock ‖ TIMESTAMP). */
async function proofMatches(
  pool: PoolRecord,
  user: UserRecord,
  srp: { b: string; A: string; B: string },
  secretBlock: string,
  signature: string,
  timestamp: string,
): Promise<boolean> {
  if (!user.srp || !isCanonicalSrpTimestamp(timestamp)) return false;
  const block = base64ToBytes(secretBlock);
  if (!block) return false;
  const A = BigInt(`0x${srp.A}`);
  const B = BigInt(`0x${srp.B}`);
  const u = await scramblingU(A, B);
  if (u === 0n) return false;
  const S = serverSecretS(A, BigInt(`0x${user.srp.verifier}`), u, BigInt(`0x${srp.b}`));
  const key = await sessionKey(S, u);
  const expected = await passwordClaimSignature(key, srpPoolName(pool.id), user.username, block, timestamp);
  // Compare every character so the time taken does not depend on where the first difference is.
  let diff = expected.length ^ signature.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (signature.charCodeAt(i) || 0);
  return diff === 0;
}

/**
 * RespondToAuthChallenge(PASSWORD_VERIFIER). The user's state is judged in the order of the password
 * flow: disabled, locked out, unconfirmed (before the proof, as USER_PASSWORD_AUTH answers
 * UserNotConfirmedException even to a wrong password), then the proof, which counts toward lockout.
 */
export async function answerPasswordVerifier(
  pool: PoolRecord,
  client: AppClientRecord,
  responses: Record<string, string>,
  ctx: RequestContext,
) {
  const { world } = ctx;
  const username = required(responses, 'USERNAME');
  const secretBlock = required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = required(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const timestamp = required(responses, 'TIMESTAMP');
  const challenge = takeChallenge(world, secretBlock);
  const now = world.now();
  if (
    !challenge?.srp ||
    challenge.challengeName !== 'PASSWORD_VERIFIER' ||
    challenge.clientId !== client.clientId
  ) {
    ctx.emit('auth.failed', 'PASSWORD_VERIFIER answer with an unknown or already used SECRET_BLOCK', {
      reason: 'unknown-secret-block',
    });
    throw idpErrors.incorrectCredentials();
  }
  if (now >= challenge.expiresAt) {
    ctx.emit('auth.failed', 'PASSWORD_VERIFIER answered after the challenge expired', {
      reason: 'expired',
      expiresAt: challenge.expiresAt,
    });
    throw idpErrors.sessionExpired();
  }
  const user = findUser(pool, username);
  if (challenge.srp.decoy || !user || user.username !== challenge.username) {
    ctx.emit('auth.failed', `PASSWORD_VERIFIER for ${username} cannot succeed`, {
      reason: challenge.srp.decoy ? 'decoy-challenge' : 'username-mismatch',
    });
    throw idpErrors.incorrectCredentials();
  }
  if (!user.enabled) throw idpErrors.userDisabled();
  expireQuietFailures(user, now);
  if (isLocked(user, now)) {
    ctx.emit('auth.failed', `${user.username} is locked out`, {
      reason: 'locked',
      failedAttempts: user.failedAttempts,
      lockedUntil: user.lockedUntil,
    });
    throw idpErrors.passwordAttemptsExceeded();
  }
  refuseUnusablePassword(user);
  if (!(await proofMatches(pool, user, challenge.srp, secretBlock, signature, timestamp))) {
    recordFailure(user, now);
    ctx.emit(
      'auth.failed',
      `SRP proof for ${user.username} did not verify (${user.failedAttempts} consecutive failures)`,
      {
        reason: 'wrong-password-or-signature',
        failedAttempts: user.failedAttempts,
        lockedUntil: user.lockedUntil,
      },
    );
    throw idpErrors.incorrectCredentials();
  }
  recordSuccess(user);
  return (
    newPasswordChallenge(pool, client, user, ctx, 'USER_SRP_AUTH') ??
    softwareTokenChallenge(pool, client, user, ctx, 'USER_SRP_AUTH') ??
    completeSignIn(pool, client, user, ctx, 'USER_SRP_AUTH')
  );
}
