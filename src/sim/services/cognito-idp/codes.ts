import type { World } from '../../world';
import { maskDestination } from './attributes';
import { idpErrors } from './errors';
import type { InboxMessage, PendingCode, PoolRecord, UserRecord } from './state';

/**
 * Verification codes and their delivery to the simulated inbox (what would be the user's email).
 * Codes are 6 digits from world.random, valid 24 hours for sign-up and attribute verification
 * (docs/aws-reference.md §1.6, quotas page).
 */
export const CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;
/** ForgotPassword's code "is valid for one hour" (developer guide, how-to-recover-a-user-account). */
export const RESET_CODE_VALIDITY_MS = 60 * 60 * 1000;

export interface CodeDeliveryDetails {
  AttributeName: string;
  DeliveryMedium: 'EMAIL' | 'SMS';
  Destination: string;
}

export function newCode(world: World, purpose: PendingCode['purpose'], attributeName?: string): PendingCode {
  const code = world.random.string(6, '0123456789');
  return {
    code,
    purpose,
    ...(attributeName ? { attributeName } : {}),
    expiresAt: world.now() + (purpose === 'FORGOT_PASSWORD' ? RESET_CODE_VALIDITY_MS : CODE_VALIDITY_MS),
  };
}

/**
 * Where the pool sends a sign-up confirmation code: an auto-verified attribute the user has, the phone
 * number first. "In cases where Amazon Cognito must choose between verifying an email address or phone
 * number, it chooses to verify the phone number by sending a verification code through SMS" (developer
 * guide, "Signing up and confirming user accounts").
 */
export function deliveryTarget(
  pool: PoolRecord,
  user: UserRecord,
): { attribute: 'email' | 'phone_number'; medium: 'EMAIL' | 'SMS'; to: string } | undefined {
  if (pool.autoVerifiedAttributes.includes('phone_number') && user.attributes.phone_number) {
    return { attribute: 'phone_number', medium: 'SMS', to: user.attributes.phone_number };
  }
  if (pool.autoVerifiedAttributes.includes('email') && user.attributes.email)
    return { attribute: 'email', medium: 'EMAIL', to: user.attributes.email };
  return undefined;
}

export function deliver(
  world: World,
  pool: PoolRecord,
  user: UserRecord,
  code: PendingCode,
  purpose: InboxMessage['purpose'],
  target: { attribute: string; medium: 'EMAIL' | 'SMS'; to: string },
): CodeDeliveryDetails {
  world.state.cognitoIdp.inbox.push({
    poolId: pool.id,
    to: target.to,
    username: user.username,
    code: code.code,
    purpose,
    medium: target.medium,
    at: world.now(),
  });
  return {
    AttributeName: target.attribute,
    DeliveryMedium: target.medium,
    Destination: maskDestination(target.medium, target.to),
  };
}

/** Checks a submitted code: wrong → CodeMismatchException, past its validity → ExpiredCodeException. */
export function checkCode(world: World, pending: PendingCode | undefined, submitted: string): void {
  if (!pending) throw idpErrors.expiredCode();
  if (pending.code !== submitted) throw idpErrors.codeMismatch();
  if (world.now() >= pending.expiresAt) throw idpErrors.expiredCode();
}
