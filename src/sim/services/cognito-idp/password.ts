import { base64urlEncode } from '../../tokens/user-pool-jwt';
import type { World } from '../../world';
import { idpErrors } from './errors';
import type { PasswordHash, PasswordPolicy } from './state';

/**
 * Passwords: the pool's policy check and salted PBKDF2 storage (never the plain text in state).
 *
 * Default policy of a pool created without one: minimum length 8 with upper case, lower case, numbers
 * and symbols all required. The reference marks this (unv); the CDK `PasswordPolicy` docs give the
 * same defaults (minLength 8, every class required) and the AWS Config rule
 * cognito-user-pool-password-policy-check uses them too.
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** The symbol set of the policy (doc, user-pool-settings-policies): ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space. */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- '.split(''));

/**
 * Throws InvalidPasswordException with the observed message for the first rule the password breaks.
 * The order of the checks (length, lower, upper, numbers, symbols) is not documented.
 */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): void {
  if (password.length < policy.MinimumLength) throw idpErrors.invalidPassword('Password not long enough');
  if (policy.RequireLowercase && !/[a-z]/.test(password))
    throw idpErrors.invalidPassword('Password must have lowercase characters');
  if (policy.RequireUppercase && !/[A-Z]/.test(password))
    throw idpErrors.invalidPassword('Password must have uppercase characters');
  if (policy.RequireNumbers && !/[0-9]/.test(password))
    throw idpErrors.invalidPassword('Password must have numeric characters');
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.has(c))) {
    throw idpErrors.invalidPassword('Password must have symbol characters');
  }
}

/** Kept low: the simulation protects nothing, and the demo seeds several users at start-up. */
const ITERATIONS = 1000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    256,
  );
  return base64urlEncode(new Uint8Array(bits));
}

export async function hashPassword(world: World, password: string): Promise<PasswordHash> {
  const salt = world.random.bytes(16);
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations: ITERATIONS,
    salt: base64urlEncode(salt),
    hash: await derive(password, salt, ITERATIONS),
  };
}

export async function passwordMatches(stored: PasswordHash, password: string): Promise<boolean> {
  const salt = Uint8Array.from(atob(stored.salt.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
    c.charCodeAt(0),
  );
  return (await derive(password, salt, stored.iterations)) === stored.hash;
}
