import { createDict, deleteOwn, getOwn, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { AttributeInput } from './attributes';
import { deliver, newCode } from './codes';
import { idpErrors } from './errors';
import type { PoolRecord, UserRecord } from './state';
import { takenMessage, userByUsernameAttribute } from './username-attributes';

/** The attributes a code verifies, and how the code travels to the new value. */
export const VERIFIABLE = { email: 'EMAIL', phone_number: 'SMS' } as const;
export type Verifiable = keyof typeof VERIFIABLE;
export const verifiable = (name: string): name is Verifiable => Object.hasOwn(VERIFIABLE, name);

/** What an administrator may do that a user's own UpdateUserAttributes may not (AdminUpdateUserAttributes). */
interface AdminPowers {
  /**
   * Email / phone number attributes the request marks verified itself (`email_verified: true` beside a
   * new `email`): the value changes at once and no message is sent (API reference, UserAttributes).
   */
  verifiedInRequest: ReadonlySet<string>;
}

/**
 * Writes `attributes` (already checked against the pool's schema) to `user`, as UpdateUserAttributes and
 * AdminUpdateUserAttributes do: a changed email or phone number becomes unverified and, where the pool
 * verifies it, a code goes to the new value; where the pool requires verification before update, the
 * original value stays until that code comes back. An administrator's blank value deletes the attribute
 * ("submit the attribute … with a blank value", AdminUpdateUserAttributes). Returns the deliveries made.
 */
export function applyAttributeUpdate(
  ctx: RequestContext,
  pool: PoolRecord,
  user: UserRecord,
  attributes: readonly AttributeInput[],
  admin?: AdminPowers,
) {
  const { world } = ctx;
  // An email address or phone number another user signs in with is refused before anything changes.
  for (const { Name, Value } of attributes) {
    const signIn = (pool.usernameAttributes ?? []).find((a) => a === Name);
    if (signIn && Value !== '' && userByUsernameAttribute(pool, signIn, Value, user))
      throw idpErrors.aliasExists(takenMessage(signIn));
  }
  const details = [];
  const held: string[] = [];
  const removed: string[] = [];
  for (const { Name, Value } of attributes) {
    if (admin && Value === '') {
      removeAttribute(user, Name);
      removed.push(Name);
      continue;
    }
    const changed = getOwn(user.attributes, Name) !== Value;
    const verifiedNow = admin?.verifiedInRequest.has(Name) === true;
    // Where the pool requires verification before update, the original value stays (verified, usable to
    // sign in and to receive messages) and the new one waits for VerifyUserAttribute (API reference,
    // UpdateUserAttributes UserAttributes: "this request doesn't immediately update the value of that
    // attribute … Your user can sign in and receive messages with the original attribute value until they
    // verify the new value"). The setting needs the attribute auto-verified (UserAttributeUpdateSettingsType;
    // UpdateUserPool refuses otherwise, aws-cli #7151), so a pool without a code to send updates at once.
    const hold =
      verifiable(Name) &&
      changed &&
      !verifiedNow &&
      pool.autoVerifiedAttributes.includes(Name) &&
      (pool.attributesRequireVerificationBeforeUpdate ?? []).includes(Name);
    if (hold) {
      user.pendingAttributes ??= createDict();
      // A second update replaces the pending value; its new code replaces the old one (attributeCodes).
      setOwn(user.pendingAttributes, Name, Value);
      held.push(Name);
    } else setOwn(user.attributes, Name, Value);
    // A changed email or phone number is unverified until the new value proves itself with a code, which
    // the pool sends when it verifies that attribute (API reference, UpdateUserAttributes response:
    // "When the attribute-update request includes an email address or phone number attribute, Amazon
    // Cognito sends a message … in user pools configured to automatically verify" them).
    if (verifiable(Name) && changed && !verifiedNow) {
      if (!hold) setOwn(user.attributes, `${Name}_verified`, 'false');
      if (pool.autoVerifiedAttributes.includes(Name)) {
        const code = newCode(world, 'VERIFY_ATTRIBUTE', Name);
        // Held: the code goes to the NEW value ("sends a verification message to the new phone number or
        // email address", UserAttributeUpdateSettingsType) and verifying it swaps that value in.
        setOwn(user.attributeCodes, Name, hold ? { ...code, pendingValue: Value } : code);
        details.push(
          deliver(world, pool, user, code, 'VERIFY_ATTRIBUTE', {
            attribute: Name,
            medium: VERIFIABLE[Name],
            to: Value,
          }),
        );
        ctx.emit('code.sent', `Verification code sent to ${Value}`, {
          to: Value,
          purpose: 'VERIFY_ATTRIBUTE',
        });
      }
    } else if (verifiedNow && changed) {
      // Marked verified by the administrator: nothing pending is left for the old value.
      deleteOwn(user.attributeCodes, Name);
      if (user.pendingAttributes) deleteOwn(user.pendingAttributes, Name);
    }
  }
  user.lastModifiedAt = world.now();
  const notes = [
    held.length ? `${held.join(', ')} pending until verified` : '',
    removed.length ? `${removed.join(', ')} removed` : '',
  ].filter(Boolean);
  ctx.emit('state', `Attributes of ${user.username} updated${notes.length ? `; ${notes.join('; ')}` : ''}`, {
    names: attributes.map((a) => a.Name),
    ...(held.length ? { pending: held } : {}),
    ...(removed.length ? { removed } : {}),
  });
  return details;
}

/** An attribute deleted with everything that hangs on it: its verified flag, pending value and code. */
function removeAttribute(user: UserRecord, name: string) {
  deleteOwn(user.attributes, name);
  if (!verifiable(name)) return;
  deleteOwn(user.attributes, `${name}_verified`);
  deleteOwn(user.attributeCodes, name);
  if (user.pendingAttributes) deleteOwn(user.pendingAttributes, name);
}
