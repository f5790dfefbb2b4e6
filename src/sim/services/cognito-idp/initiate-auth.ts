import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { openRefreshToken } from '../../tokens/refresh-token';
import { idpErrors } from './errors';
import { CLIENT_ID, v } from './input';
import { API_SCOPE, mintTokens, startSession } from './issue-tokens';
import { runPreAuthentication } from './lambda-triggers';
import { expireQuietFailures, isLocked, recordFailure, recordSuccess } from './lockout';
import { newPasswordChallenge } from './new-password-challenge';
import { passwordMatches } from './password';
import { findUser, poolAndClient } from './pool-lookup';
import { checkSecretHashParameter } from './secret-hash';
import { refuseUnusablePassword } from './sign-in-status';
import { softwareTokenChallenge } from './software-token-mfa';
import { startSrpAuth } from './srp-auth';
import { createSrpVerifier } from './srp-verifier';
import type { AppClientRecord, ExplicitAuthFlow, PoolRecord, UserRecord } from './state';

/** USER_PASSWORD_AUTH and USER_SRP_AUTH name the user in USERNAME; the hash is over that name. */
async function checkSignInSecretHash(client: AppClientRecord, params: Record<string, string>) {
  if (params.USERNAME) await checkSecretHashParameter(client, [params.USERNAME], params);
}

/**
 * InitiateAuth for USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH / REFRESH_TOKEN, plus
 * GetTokensFromRefreshToken. The order of checks decides which error a learner sees, so it is kept
 * deliberate: client, flow enabled, parameters, user existence, disabled, lockout, unconfirmed (before
 * the password: AWS answers UserNotConfirmedException even to a wrong password), then the password.
 */
/** The service model's AuthFlowType enum: every value InitiateAuth and AdminInitiateAuth accept as input. */
export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
];

const FLOW_PERMISSION: Record<string, ExplicitAuthFlow> = {
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
};

export async function initiateAuth(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const flow = v.string(input, 'AuthFlow');
  if (!AUTH_FLOWS.includes(flow)) {
    v.fail(
      `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${AUTH_FLOWS.join(', ')}]`,
    );
  }
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const params = v.optionalStringMap(input, 'AuthParameters') ?? {};
  const { pool, client } = poolAndClient(world, clientId);
  if (flow === 'ADMIN_NO_SRP_AUTH' || flow === 'ADMIN_USER_PASSWORD_AUTH')
    throw idpErrors.invalidParameter('Initiate Auth method not supported.');
  const permission = getOwn(FLOW_PERMISSION, flow);
  if (!permission || !client.explicitAuthFlows.includes(permission)) throw idpErrors.flowNotEnabled(flow);
  const clientMetadata = v.optionalStringMap(input, 'ClientMetadata');
  if (flow === 'USER_PASSWORD_AUTH' || flow === 'USER_SRP_AUTH') await checkSignInSecretHash(client, params);
  if (flow === 'USER_PASSWORD_AUTH') return passwordAuth(pool, client, params, ctx, clientMetadata);
  if (flow === 'USER_SRP_AUTH') return startSrpAuth(pool, client, params, ctx);
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    const token = params.REFRESH_TOKEN;
    if (!token) throw idpErrors.invalidParameter('Missing required parameter REFRESH_TOKEN');
    return {
      AuthenticationResult: await refresh(pool, client, token, ctx, (user) =>
        checkSecretHashParameter(client, [user.username, user.sub], params),
      ),
      ChallengeParameters: {},
    };
  }
  throw idpErrors.invalidParameter(`${flow} is not supported by this simulation.`);
}

async function passwordAuth(
  pool: PoolRecord,
  client: AppClientRecord,
  params: Record<string, string>,
  ctx: RequestContext,
  clientMetadata?: Record<string, string>,
) {
  const { world } = ctx;
  const username = params.USERNAME;
  if (!username) throw idpErrors.invalidParameter('Missing required parameter USERNAME');
  const password = params.PASSWORD;
  if (!password) throw idpErrors.invalidParameter('Missing required parameter PASSWORD');
  const user = findUser(pool, username);
  if (!user) {
    ctx.emit('auth.failed', `No user ${username} in ${pool.id}`, {
      reason: 'unknown-user',
      preventUserExistenceErrors: client.preventUserExistenceErrors,
    });
    throw client.preventUserExistenceErrors === 'ENABLED'
      ? idpErrors.incorrectCredentials()
      : idpErrors.userNotFound();
  }
  if (!user.enabled) throw idpErrors.userDisabled();
  const now = world.now();
  expireQuietFailures(user, now);
  if (isLocked(user, now)) {
    ctx.emit(
      'auth.failed',
      `${user.username} is locked out until ${new Date(user.lockedUntil ?? now).toISOString()}`,
      {
        reason: 'locked',
        failedAttempts: user.failedAttempts,
        lockedUntil: user.lockedUntil,
      },
    );
    throw idpErrors.passwordAttemptsExceeded();
  }
  refuseUnusablePassword(user);
  runPreAuthentication(ctx, pool, client, user, clientMetadata);
  if (!user.password || !(await passwordMatches(user.password, password))) {
    recordFailure(user, now);
    ctx.emit(
      'auth.failed',
      `Wrong password for ${user.username} (${user.failedAttempts} consecutive failures)`,
      {
        reason: 'wrong-password',
        failedAttempts: user.failedAttempts,
        lockedUntil: user.lockedUntil,
      },
    );
    throw idpErrors.incorrectCredentials();
  }
  recordSuccess(user);
  // Users stored before SRP existed (older snapshots) get their SRP verifier the first time the password is seen.
  if (!user.srp) user.srp = await createSrpVerifier(pool.id, user.username, password, user.password);
  // A user an administrator created must first replace the temporary password (new-password-challenge.ts).
  const forced = newPasswordChallenge(pool, client, user, ctx, 'USER_PASSWORD_AUTH');
  if (forced) return forced;
  // With TOTP MFA on, the password alone earns a SOFTWARE_TOKEN_MFA challenge, not tokens.
  const mfa = softwareTokenChallenge(pool, client, user, ctx, 'USER_PASSWORD_AUTH');
  if (mfa) return mfa;
  const session = startSession(world, pool, client, user, { scopes: [API_SCOPE], viaOAuth: false });
  const result = await mintTokens(world, pool, client, user, session, {
    withRefreshToken: true,
    emit: ctx.emit,
  });
  ctx.emit('token.issued', `ID, access and refresh tokens for ${user.username}`, {
    originJti: session.originJti,
    authTime: session.authTime,
  });
  return { AuthenticationResult: result, ChallengeParameters: {} };
}

async function refresh(
  pool: PoolRecord,
  client: AppClientRecord,
  token: string,
  ctx: RequestContext,
  checkSecret?: (user: UserRecord) => Promise<void>,
) {
  const { world } = ctx;
  const payload = await openRefreshToken(world, token);
  if (!payload || payload.pool !== pool.id || payload.client_id !== client.clientId)
    throw idpErrors.invalidRefreshToken();
  const session = getOwn(world.state.cognitoIdp.sessions, payload.origin_jti);
  if (!session || session.refreshJti !== payload.jti) throw idpErrors.invalidRefreshToken();
  if (session.revokedAt !== undefined) throw idpErrors.refreshTokenRevoked();
  if (world.now() >= payload.exp * 1000) throw idpErrors.refreshTokenExpired();
  const user = findUser(pool, payload.username);
  if (!user || user.sub !== payload.sub) throw idpErrors.invalidRefreshToken();
  if (checkSecret) await checkSecret(user);
  if (!user.enabled) throw idpErrors.userDisabled();
  // Same session: auth_time and origin_jti carry over; no new refresh token without rotation (doc).
  const result = await mintTokens(world, pool, client, user, session, {
    withRefreshToken: false,
    emit: ctx.emit,
  });
  ctx.emit('token.issued', `Refreshed ID and access tokens for ${user.username}`, {
    originJti: session.originJti,
    authTime: session.authTime,
  });
  return result;
}

export async function getTokensFromRefreshToken(input: JsonInput, ctx: RequestContext) {
  const token = v.string(input, 'RefreshToken');
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const { pool, client } = poolAndClient(ctx.world, clientId);
  return { AuthenticationResult: await refresh(pool, client, token, ctx) };
}
