import { getOwn } from '../../core/dict';
import { checkUsernameBesideAliases } from './alias-attributes';
import { type AttributeInput, EMAIL, PHONE } from './attributes';
import { idpErrors } from './errors';
import type { PoolRecord, UserRecord } from './state';
import { usernameKey } from './username-key';

/**
 * A pool's UsernameAttributes (email, phone_number): the user signs up with an email address or phone
 * number as the Username, Cognito stores that value in the attribute and makes the username itself the
 * user's sub, a UUID (AdminCreateUser, Username: "If your user pool only supports phone numbers or email
 * addresses as sign-in attributes, Amazon Cognito automatically generates a username value"). Every
 * operation that names a user then takes the email or phone number, or that UUID.
 *
 * What Cognito answers, as observed by others (no AWS page gives the wording):
 * - a Username of the wrong form: "Username should be an email." (boto3 #3836), "Username should be either
 *   an email or a phone number." with both attributes (amplify-js #533); the phone-only wording is ours;
 * - an email attribute beside it with another value: "User email should be empty or same as username,
 *   since username attribute is email" (cognito-local #102, its maintainer testing Cognito);
 * - an address another user has: "An account with the given email already exists." (the message Amplify
 *   apps show; UsernameExistsException at sign-up, AliasExistsException on an attribute update).
 */
export type UsernameAttribute = 'email' | 'phone_number';

const FORMS: Record<UsernameAttribute, RegExp> = { email: EMAIL, phone_number: PHONE };

/** Which of the pool's username attributes `value` has the form of (none when the pool has none). */
export function usernameAttributeOf(pool: PoolRecord, value: string): UsernameAttribute | undefined {
  return (pool.usernameAttributes ?? []).find((a) => FORMS[a].test(value));
}

/** The user whose `attribute` is `value` (as usernames are compared: folded in a case-insensitive pool). */
export function userByUsernameAttribute(
  pool: PoolRecord,
  attribute: UsernameAttribute,
  value: string,
  except?: UserRecord,
): UserRecord | undefined {
  const wanted = usernameKey(pool, value);
  return Object.values(pool.users).find((u) => {
    const held = getOwn(u.attributes, attribute);
    return u !== except && held !== undefined && usernameKey(pool, held) === wanted;
  });
}

export const takenMessage = (attribute: UsernameAttribute) =>
  `An account with the given ${attribute} already exists.`;

/**
 * A new user's Username, checked against how the pool's users sign in. With aliases: not in an alias's
 * form. With username attributes: the attribute it fills, checked for form, for an attribute beside it that
 * disagrees, and for another user holding it, and added to `attributes` when the request left it out (so a
 * required email is present). Undefined in a pool without username attributes.
 */
export function usernameAttributeOfNewUser(
  pool: PoolRecord,
  username: string,
  attributes: AttributeInput[],
): AttributeInput | undefined {
  // In a pool with aliases, the username may not take an alias's form instead.
  checkUsernameBesideAliases(pool, username);
  const allowed = pool.usernameAttributes ?? [];
  if (allowed.length === 0) return undefined;
  const attribute = usernameAttributeOf(pool, username);
  if (!attribute)
    throw idpErrors.invalidParameter(
      allowed.length > 1
        ? 'Username should be either an email or a phone number.'
        : allowed[0] === 'email'
          ? 'Username should be an email.'
          : 'Username should be a phone number.',
    );
  const beside = attributes.find((a) => a.Name === attribute);
  if (beside && beside.Value !== username)
    throw idpErrors.invalidParameter(
      `User ${attribute === 'email' ? 'email' : 'phone_number'} should be empty or same as username, since username attribute is ${attribute}`,
    );
  if (userByUsernameAttribute(pool, attribute, username))
    throw idpErrors.usernameAttributeTaken(takenMessage(attribute));
  const filled = { Name: attribute, Value: username };
  if (!beside) attributes.push(filled);
  return filled;
}
