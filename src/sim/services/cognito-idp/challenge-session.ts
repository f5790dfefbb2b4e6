/**
 * The Session of the challenges that follow a checked password (NEW_PASSWORD_REQUIRED,
 * SOFTWARE_TOKEN_MFA): opened with a fresh opaque handle that lives the app client's
 * AuthSessionValidity, and redeemed once by RespondToAuthChallenge with the same checks in the same
 * order for every challenge (the required members, the session's challenge and client, its expiry,
 * the user it was opened for).
 */
import type { RequestContext } from '../../core/service';
import { authSessionMs, newHandle, putChallenge, takeChallenge } from './challenges';
import { idpErrors } from './errors';
import { findUser } from './pool-lookup';
import type { AppClientRecord, ChallengeRecord, PoolRecord, UserRecord } from './state';

/** Bytes behind a challenge Session (its base64 is about as long as AWS's). */
const SESSION_BYTES = 144;

type SessionChallenge = 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA';

/** Records the challenge for `user` and returns the Session the client must send back. */
export function openChallengeSession(
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  ctx: RequestContext,
  challengeName: SessionChallenge,
  authFlow: ChallengeRecord['authFlow'],
): string {
  const { world } = ctx;
  const session = newHandle(world, SESSION_BYTES);
  const now = world.now();
  putChallenge(world, session, {
    challengeName,
    poolId: pool.id,
    clientId: client.clientId,
    username: user.username,
    createdAt: now,
    expiresAt: now + authSessionMs(client),
    authFlow,
  });
  return session;
}

export interface RedeemOptions {
  challengeName: SessionChallenge;
  /** The ChallengeResponses member that carries the answer (`NEW_PASSWORD`, `SOFTWARE_TOKEN_MFA_CODE`). */
  answerField: string;
  /** Whether the user is still in the state the challenge was opened for. */
  stillApplies(user: UserRecord): boolean;
}

/**
 * Takes the challenge behind `session` (one use) and returns it with its user and the answer; throws
 * InvalidParameterException for a missing member and NotAuthorizedException for a session that is
 * unknown, for another challenge or client, expired, or no longer about this user.
 */
export function redeemChallengeSession(
  pool: PoolRecord,
  client: AppClientRecord,
  responses: Record<string, string>,
  ctx: RequestContext,
  session: string | undefined,
  options: RedeemOptions,
): { challenge: ChallengeRecord; user: UserRecord; answer: string } {
  const { world } = ctx;
  if (!session) throw idpErrors.invalidParameter('Missing required parameter Session');
  const username = responses.USERNAME;
  if (!username) throw idpErrors.invalidParameter('Missing required parameter USERNAME');
  const answer = responses[options.answerField];
  if (!answer) throw idpErrors.invalidParameter(`Missing required parameter ${options.answerField}`);
  const challenge = takeChallenge(world, session);
  if (challenge?.challengeName !== options.challengeName || challenge.clientId !== client.clientId)
    throw idpErrors.invalidSession();
  if (world.now() >= challenge.expiresAt) throw idpErrors.sessionExpired();
  const user = findUser(pool, username);
  if (!user || user.username !== challenge.username || !options.stillApplies(user))
    throw idpErrors.invalidSession();
  if (!user.enabled) throw idpErrors.userDisabled();
  return { challenge, user, answer };
}
