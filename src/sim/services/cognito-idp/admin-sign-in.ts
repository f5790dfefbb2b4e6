/**
 * AdminInitiateAuth and AdminRespondToAuthChallenge: sign-in done by a backend that holds AWS
 * credentials (SigV4 + IAM, admin-auth.ts) instead of by the browser. `ADMIN_USER_PASSWORD_AUTH` sends
 * the password itself — acceptable only on a server — and needs `ALLOW_ADMIN_USER_PASSWORD_AUTH` on the
 * app client; `ADMIN_NO_SRP_AUTH` is its older name and behaves the same (API reference AdminInitiateAuth,
 * AuthFlow). The checks after that are the public flow's: existence errors as the client configures them,
 * disabled, lockout, unconfirmed, password, then NEW_PASSWORD_REQUIRED or MFA before tokens.
 */
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAdminCall } from './admin-auth';
import { requireAdminClient, requireAdminPool, userPoolIdInput } from './admin-input';
import { completeSignIn } from './complete-sign-in';
import { idpErrors } from './errors';
import { AUTH_FLOWS } from './initiate-auth';
import { CLIENT_ID, v } from './input';
import { expireQuietFailures, isLocked, recordFailure, recordSuccess } from './lockout';
import { answerNewPasswordRequired, newPasswordChallenge } from './new-password-challenge';
import { passwordMatches } from './password';
import { findUser } from './pool-lookup';
import { CHALLENGE_NAMES } from './respond-to-auth-challenge';
import { refuseUnusablePassword } from './sign-in-status';
import { answerSoftwareTokenMfa, softwareTokenChallenge } from './software-token-mfa';
import type { AppClientRecord, PoolRecord } from './state';

export async function adminInitiateAuth(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const flow = v.string(input, 'AuthFlow');
  if (!AUTH_FLOWS.includes(flow))
    v.fail(
      `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${AUTH_FLOWS.join(', ')}]`,
    );
  const params = v.optionalStringMap(input, 'AuthParameters') ?? {};
  await authorizeAdminCall(ctx, 'AdminInitiateAuth', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const client = requireAdminClient(pool, clientId);
  // The public-only flow has no place here, as the admin flows have none in InitiateAuth (docs/aws-reference.md §2.3).
  if (flow === 'USER_PASSWORD_AUTH') throw idpErrors.invalidParameter('Initiate Auth method not supported.');
  if (flow !== 'ADMIN_USER_PASSWORD_AUTH' && flow !== 'ADMIN_NO_SRP_AUTH')
    throw idpErrors.invalidParameter(`${flow} is not supported by this simulation in AdminInitiateAuth.`);
  if (!client.explicitAuthFlows.includes('ALLOW_ADMIN_USER_PASSWORD_AUTH'))
    throw idpErrors.flowNotEnabled(flow);
  return adminPasswordAuth(pool, client, params, ctx);
}

async function adminPasswordAuth(
  pool: PoolRecord,
  client: AppClientRecord,
  params: Record<string, string>,
  ctx: RequestContext,
) {
  const { world } = ctx;
  const username = params.USERNAME;
  if (!username) throw idpErrors.invalidParameter('Missing required parameter USERNAME');
  const password = params.PASSWORD;
  if (!password) throw idpErrors.invalidParameter('Missing required parameter PASSWORD');
  const user = findUser(pool, username);
  if (!user) {
    ctx.emit('auth.failed', `No user ${username} in ${pool.id}`, { reason: 'unknown-user' });
    // PreventUserExistenceErrors covers AdminInitiateAuth too (Developer Guide, "Managing user existence error responses").
    throw client.preventUserExistenceErrors === 'ENABLED'
      ? idpErrors.incorrectCredentials()
      : idpErrors.userNotFound();
  }
  if (!user.enabled) throw idpErrors.userDisabled();
  const now = world.now();
  expireQuietFailures(user, now);
  if (isLocked(user, now)) throw idpErrors.passwordAttemptsExceeded();
  refuseUnusablePassword(user);
  if (!user.password || !(await passwordMatches(user.password, password))) {
    recordFailure(user, now);
    ctx.emit(
      'auth.failed',
      `Wrong password for ${user.username} (${user.failedAttempts} consecutive failures)`,
      {
        reason: 'wrong-password',
        failedAttempts: user.failedAttempts,
      },
    );
    throw idpErrors.incorrectCredentials();
  }
  recordSuccess(user);
  const forced = newPasswordChallenge(pool, client, user, ctx, 'ADMIN_USER_PASSWORD_AUTH');
  if (forced) return forced;
  const mfa = softwareTokenChallenge(pool, client, user, ctx, 'USER_PASSWORD_AUTH');
  if (mfa) return mfa;
  return completeSignIn(pool, client, user, ctx, 'ADMIN_USER_PASSWORD_AUTH');
}

const ADMIN_CHALLENGE_HANDLERS = {
  NEW_PASSWORD_REQUIRED: answerNewPasswordRequired,
  SOFTWARE_TOKEN_MFA: answerSoftwareTokenMfa,
} as const;

export async function adminRespondToAuthChallenge(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const name = v.string(input, 'ChallengeName');
  if (!CHALLENGE_NAMES.includes(name))
    v.fail(
      `1 validation error detected: Value '${name}' at 'challengeName' failed to satisfy constraint: Member must satisfy enum value set: [${CHALLENGE_NAMES.join(', ')}]`,
    );
  const session = v.optionalString(input, 'Session', { min: 20, max: 2048 });
  const responses = v.optionalStringMap(input, 'ChallengeResponses') ?? {};
  await authorizeAdminCall(ctx, 'AdminRespondToAuthChallenge', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const client = requireAdminClient(pool, clientId);
  if (!Object.hasOwn(ADMIN_CHALLENGE_HANDLERS, name))
    throw idpErrors.invalidParameter(`${name} is not supported by this simulation.`);
  const handler = ADMIN_CHALLENGE_HANDLERS[name as keyof typeof ADMIN_CHALLENGE_HANDLERS];
  return handler(pool, client, responses, ctx, session);
}
