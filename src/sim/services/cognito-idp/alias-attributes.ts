import { getOwn, setOwn } from '../../core/dict';
import { EMAIL, PHONE } from './attributes';
import { idpErrors } from './errors';
import type { PoolRecord, UserRecord } from './state';
import { usernameKey } from './username-key';

/**
 * A pool's AliasAttributes (email, phone_number, preferred_username): the user chooses a username and may
 * also sign in with an alias (developer guide, "Customizing sign-in attributes"). An email address or phone
 * number is an alias only once verified, and preferred_username once the user is confirmed; one alias value
 * belongs to one user. When a second user confirms an address another user holds as an alias, ConfirmSignUp
 * answers AliasExistsException unless ForceAliasCreation moves the alias, which leaves the first user's
 * address unverified (ConfirmSignUp reference; amazon-cognito-identity-js #148 describes the move).
 */
export type AliasAttribute = 'email' | 'phone_number' | 'preferred_username';

/** Whether `user` holds `value` as its `alias` now (verified, or confirmed for preferred_username). */
function holdsAlias(pool: PoolRecord, user: UserRecord, alias: AliasAttribute, value: string): boolean {
  const held = getOwn(user.attributes, alias);
  if (held === undefined || usernameKey(pool, held) !== usernameKey(pool, value)) return false;
  if (alias === 'preferred_username') return user.status === 'CONFIRMED';
  return getOwn(user.attributes, `${alias}_verified`) === 'true';
}

/** The user who holds `value` as one of the pool's aliases, if any (`except` left out). */
export function userByAlias(pool: PoolRecord, value: string, except?: UserRecord): UserRecord | undefined {
  const aliases = pool.aliasAttributes ?? [];
  if (aliases.length === 0) return undefined;
  return Object.values(pool.users).find(
    (u) => u !== except && aliases.some((alias) => holdsAlias(pool, u, alias, value)),
  );
}

/**
 * A new username in a pool with email or phone aliases may not look like one, or an alias could name two
 * users. Observed: "Username cannot be of email format, since user pool is configured for email alias."
 * (awsmobile-cli #178); the phone wording is ours, by analogy.
 */
export function checkUsernameBesideAliases(pool: PoolRecord, username: string): void {
  const aliases = pool.aliasAttributes ?? [];
  if (aliases.includes('email') && EMAIL.test(username))
    throw idpErrors.invalidParameter(
      'Username cannot be of email format, since user pool is configured for email alias.',
    );
  if (aliases.includes('phone_number') && PHONE.test(username))
    throw idpErrors.invalidParameter(
      'Username cannot be of phone number format, since user pool is configured for phone number alias.',
    );
}

/**
 * Before `user` gets `attribute` verified as `value` (a confirmed sign-up, VerifyUserAttribute): the user who
 * holds the same address as an alias loses it when `force` (ForceAliasCreation), else the call is refused and
 * nothing changes. The message is not published; "An account with the email already exists." is what
 * developers quote.
 */
export function claimAlias(
  pool: PoolRecord,
  user: UserRecord,
  attribute: string,
  value: string | undefined,
  force: boolean,
): void {
  if (attribute !== 'email' && attribute !== 'phone_number') return;
  if (!(pool.aliasAttributes ?? []).includes(attribute)) return;
  if (value === undefined) return;
  const holder = Object.values(pool.users).find((u) => u !== user && holdsAlias(pool, u, attribute, value));
  if (!holder) return;
  if (!force)
    throw idpErrors.aliasExists(
      `An account with the ${attribute === 'email' ? 'email' : 'phone number'} already exists.`,
    );
  setOwn(holder.attributes, `${attribute}_verified`, 'false');
}
