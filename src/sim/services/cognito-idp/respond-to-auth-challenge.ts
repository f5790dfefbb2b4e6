import { getOwn, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { idpErrors } from './errors';
import { CLIENT_ID, v } from './input';
import { poolAndClient } from './pool-lookup';
import { checkSecretHashParameter } from './secret-hash';
import { answerSoftwareTokenMfa } from './software-token-mfa';
import { answerNewPasswordRequired } from './new-password-challenge';
import { answerPasswordVerifier } from './srp-auth';
import type { AppClientRecord, PoolRecord } from './state';

/**
 * RespondToAuthChallenge: the client's answer to a challenge from InitiateAuth (or from a previous
 * answer). Unsigned, like InitiateAuth. ChallengeName is checked against the model's enum first; a
 * valid name this simulation does not issue is refused as a parameter error.
 */
export const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
];

/** Further challenge handlers (e.g. MFA) register here by name. */
export type ChallengeHandler = (
  pool: PoolRecord,
  client: AppClientRecord,
  responses: Record<string, string>,
  ctx: RequestContext,
  session: string | undefined,
) => Promise<unknown>;

const handlers: Record<string, ChallengeHandler> = {
  PASSWORD_VERIFIER: answerPasswordVerifier,
  SOFTWARE_TOKEN_MFA: answerSoftwareTokenMfa,
  NEW_PASSWORD_REQUIRED: answerNewPasswordRequired,
};

export function registerChallengeHandler(name: string, handler: ChallengeHandler): void {
  setOwn(handlers, name, handler);
}

export async function respondToAuthChallenge(input: JsonInput, ctx: RequestContext) {
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const name = v.string(input, 'ChallengeName');
  if (!CHALLENGE_NAMES.includes(name)) {
    v.fail(
      `1 validation error detected: Value '${name}' at 'challengeName' failed to satisfy constraint: Member must satisfy enum value set: [${CHALLENGE_NAMES.join(', ')}]`,
    );
  }
  const session = v.optionalString(input, 'Session', { min: 20, max: 2048 });
  const responses = v.optionalStringMap(input, 'ChallengeResponses') ?? {};
  const { pool, client } = poolAndClient(ctx.world, clientId);
  const handler = getOwn(handlers, name);
  if (!handler) throw idpErrors.invalidParameter(`${name} is not supported by this simulation.`);
  // Every answer names the user (USERNAME); a confidential client proves itself with SECRET_HASH over it.
  if (responses.USERNAME) await checkSecretHashParameter(client, [responses.USERNAME], responses);
  return handler(pool, client, responses, ctx, session);
}
