import { createDict, getOwn, setOwn } from '../../core/dict';
import { type AttributeInput, STANDARD_ATTRIBUTES } from './attributes';
import { idpErrors } from './errors';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';

/**
 * An app client's ReadAttributes and WriteAttributes (UserPoolClientType): the attributes the client sees
 * in GetUser, the ID token and userInfo, and the ones it may set in SignUp and UpdateUserAttributes.
 * Without a list the API reference gives the defaults: a client reads "email_verified,
 * phone_number_verified, and the standard attributes" and writes "the Standard attributes", so a custom
 * attribute needs a list that names it (the demo's atlas-web names custom:department).
 */
const STANDARD = new Set<string>(STANDARD_ATTRIBUTES);

export function readable(client: AppClientRecord | undefined, name: string): boolean {
  // `sub` identifies the user in every answer, whatever the list.
  if (name === 'sub') return true;
  const list = client?.readAttributes;
  return list ? list.includes(name) : STANDARD.has(name);
}

/** The user's attributes a client may read, as a record (the same order). */
export function readableAttributes(
  client: AppClientRecord | undefined,
  user: UserRecord,
): Record<string, string> {
  const out = createDict<string>();
  for (const [name, value] of Object.entries(user.attributes))
    if (readable(client, name)) setOwn(out, name, value);
  return out;
}

/**
 * Refuses attributes outside the client's WriteAttributes (or, without a list, the standard ones) with the
 * observed wording. "All app clients can write user pool required attributes" (developer guide, user pool
 * attributes), whatever the list. The verified flags, `sub` and `identities` are refused before this, for
 * every client (attributes.ts).
 */
export function checkWritable(
  pool: PoolRecord,
  client: AppClientRecord | undefined,
  attributes: readonly AttributeInput[],
): void {
  if (attributes.some((a) => !clientMayWrite(pool, client, a.Name)))
    throw idpErrors.notAuthorized('A client attempted to write unauthorized attribute');
}

/** Whether `name` is an attribute of the pool: a standard one, or one its schema declares. */
export function isPoolAttribute(pool: PoolRecord, name: string): boolean {
  return STANDARD.has(name) || pool.schema.some((s) => s.name === name);
}

/** Whether the client's WriteAttributes (or, without a list, the standard set) let it write `name`. */
export function clientMayWrite(pool: PoolRecord, client: AppClientRecord | undefined, name: string): boolean {
  const list = client?.writeAttributes;
  const required = pool.schema.some((s) => s.name === name && s.required);
  return (list ? list.includes(name) : STANDARD.has(name)) || required;
}

/** The app client an access token was issued to (its `client_id` claim). */
export const clientOfToken = (pool: PoolRecord, claims: Record<string, unknown>) =>
  getOwn(pool.clients, String(claims.client_id ?? ''));
