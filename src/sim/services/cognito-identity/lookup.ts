/**
 * Input checks and lookups shared by the identity pool operations. Shapes and patterns are the
 * service model's (IdentityPoolId and IdentityId: 1–55 chars of `[\w-]+:[0-9a-f-]+`; Logins ≤ 10).
 */
import { getOwn } from '../../core/dict';
import { createValidator } from '../../core/validate';
import type { World } from '../../world';
import { IdentityErrors } from './errors';
import { getIdentity } from './identities';
import type { IdentityPoolConfig, IdentityRecord } from './state';

/**
 * The service model's shape constraints are refused as ValidationException (400), not as the
 * InvalidParameterException the user pool API uses for the same kind of message (obs: `x-amzn-ErrorType:
 * ValidationException` for a GetId pool id off the pattern, aws-amplify/amplify-swift#2864 and
 * aws/amazon-freertos#1829; CreateIdentityPool's name, getmoto/moto#1979). The service's own rules keep
 * InvalidParameterException (IdentityErrors.invalidParameter).
 */
export const validate = createValidator('ValidationException');

const ID_RULE = { min: 1, max: 55, pattern: /^[\w-]+:[0-9a-f-]+$/, patternText: '[\\w-]+:[0-9a-f-]+' };

export function poolIdInput(input: Record<string, unknown>): string {
  return validate.string(input, 'IdentityPoolId', ID_RULE);
}

export function identityIdInput(input: Record<string, unknown>): string {
  return validate.string(input, 'IdentityId', ID_RULE);
}

export function loginsInput(input: Record<string, unknown>): Record<string, string> {
  const logins = validate.optionalStringMap(input, 'Logins') ?? {};
  const count = Object.keys(logins).length;
  if (count > 10) {
    validate.fail(
      `1 validation error detected: Value at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10`,
    );
  }
  return logins;
}

export function requirePool(world: World, poolId: string): IdentityPoolConfig {
  const pool = getOwn(world.state.cognitoIdentity.pools, poolId);
  if (!pool) throw IdentityErrors.poolNotFound(poolId);
  return pool;
}

export function requireIdentity(world: World, identityId: string): IdentityRecord {
  const identity = getIdentity(world, identityId);
  if (!identity) throw IdentityErrors.identityNotFound(identityId);
  return identity;
}
