import { createDict, getOwn, setOwn } from '../../core/dict';
import type { AttributeInput } from './attributes';
import { idpErrors } from './errors';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';

/**
 * An app client's ReadAttributes and WriteAttributes (UserPoolClientType): the attributes the client sees
 * in GetUser, the ID token and userInfo, and the ones it may set in SignUp and UpdateUserAttributes. Only
 * lists the client names are enforced. Without one the simulation lets the client read and write every
 * attribute; the API reference says the default is the standard attributes (and, to read, the verified
 * flags), custom ones left out, which the simulation does not follow (the demo world's clients read
 * custom:department).
 */
export function readable(client: AppClientRecord | undefined, name: string): boolean {
  // `sub` identifies the user in every answer, whatever the list.
  return !client?.readAttributes || name === 'sub' || client.readAttributes.includes(name);
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
 * Refuses attributes outside the client's WriteAttributes with the observed wording. "All app clients can
 * write user pool required attributes" (developer guide, user pool attributes), whatever the list.
 */
export function checkWritable(
  pool: PoolRecord,
  client: AppClientRecord | undefined,
  attributes: readonly AttributeInput[],
): void {
  const allowed = client?.writeAttributes;
  const required = (name: string) => pool.schema.some((s) => s.name === name && s.required);
  if (allowed && attributes.some((a) => !allowed.includes(a.Name) && !required(a.Name)))
    throw idpErrors.notAuthorized('A client attempted to write unauthorized attribute');
}

/** The app client an access token was issued to (its `client_id` claim). */
export const clientOfToken = (pool: PoolRecord, claims: Record<string, unknown>) =>
  getOwn(pool.clients, String(claims.client_id ?? ''));
