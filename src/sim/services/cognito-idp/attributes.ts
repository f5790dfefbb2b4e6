import { idpErrors } from './errors';
import type { PoolRecord } from './state';

/**
 * User attribute rules for SignUp and UpdateUserAttributes: names must be standard OIDC attributes or
 * `custom:` attributes of the pool schema; required attributes must be present at sign-up; email and
 * phone formats are checked; `sub` (immutable), `identities` and the `*_verified` flags are never
 * writable by an app client.
 */
export const STANDARD_ATTRIBUTES = [
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'sub',
  'updated_at',
  'website',
  'zoneinfo',
  'identities',
] as const;

const VERIFIED_FLAGS: ReadonlySet<string> = new Set(['email_verified', 'phone_number_verified']);
/** Cognito's own attributes: nobody writes them, an administrator neither. */
export const ADMIN_READ_ONLY: ReadonlySet<string> = new Set(['sub', 'identities']);
const CLIENT_READ_ONLY = new Set([...ADMIN_READ_ONLY, ...VERIFIED_FLAGS]);

export interface AttributeInput {
  Name: string;
  Value: string;
}

/** Parses the wire list `[{Name, Value}]`, failing on shape problems as InvalidParameterException. */
export function parseAttributeList(value: unknown, field: string): AttributeInput[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw idpErrors.invalidParameter(`Invalid type for parameter ${field}: expected a list`);
  return value.map((item, i) => {
    const name = (item as { Name?: unknown })?.Name;
    const val = (item as { Value?: unknown })?.Value;
    if (typeof name !== 'string' || name.length < 1) {
      throw idpErrors.invalidParameter(
        `1 validation error detected: Value null at '${lowerFirst(field)}.${i + 1}.member.name' failed to satisfy constraint: Member must not be null`,
      );
    }
    const at = `${lowerFirst(field)}.${i + 1}.member`;
    // The service model's AttributeType: Name 1–32 characters, Value at most 2,048 (sensitive, so
    // the message does not echo it).
    if (name.length > 32) {
      throw idpErrors.invalidParameter(
        `1 validation error detected: Value '${name}' at '${at}.name' failed to satisfy constraint: Member must have length less than or equal to 32`,
      );
    }
    if (typeof val === 'string' && val.length > 2048) {
      throw idpErrors.invalidParameter(
        `1 validation error detected: Value at '${at}.value' failed to satisfy constraint: Member must have length less than or equal to 2048`,
      );
    }
    return { Name: name, Value: typeof val === 'string' ? val : '' };
  });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

// Cognito's email check is simple: something@something with a dot-free-or-dotted domain (obs: "Invalid email address format.").
export const EMAIL = /^[^\s@]+@[^\s@]+$/;
// E.164 as Cognito requires it: a plus sign and digits only (doc: "+12065551212").
export const PHONE = /^\+[0-9]{4,15}$/;

export function checkAttributes(
  pool: PoolRecord,
  attributes: AttributeInput[],
  /**
   * 'admin-create' is AdminCreateUser: no required attributes (developer guide, user pool attributes: "To
   * create users without giving values for required attributes, administrators can use the AdminCreateUser
   * API"), and an administrator may set the verified flags ("you can set the email_verified attribute to
   * True", AdminCreateUser reference).
   */
  mode: 'sign-up' | 'update' | 'admin-update' | 'admin-create',
): void {
  const problems: string[] = [];
  for (const { Name } of attributes) {
    const known =
      (STANDARD_ATTRIBUTES as readonly string[]).includes(Name) || pool.schema.some((s) => s.name === Name);
    if (!known) problems.push(`${Name}: Attribute does not exist in the schema.`);
  }
  if (mode === 'sign-up') {
    for (const s of pool.schema) {
      // Observed wording: "email: The attribute is required" (amplify-js#933 and #935, 2018).
      if (s.required && !attributes.some((a) => a.Name === s.name && a.Value !== ''))
        problems.push(`${s.name}: The attribute is required`);
    }
  }
  // Each problem is its own line, the last one too: the raw body ends "…in the schema.\n"
  // (obs: aws-amplify/amplify-js#5532; several lines in aws-amplify/amplify-flutter#509).
  if (problems.length)
    throw idpErrors.invalidParameter(
      `Attributes did not conform to the schema: ${problems.map((p) => `${p}\n`).join('')}`,
    );
  // An administrator may mark email and phone number verified (AdminUpdateUserAttributes); `sub` and
  // `identities` stay Cognito's own (unv: the wording AWS gives an administrator who tries).
  const readOnly = mode === 'admin-update' || mode === 'admin-create' ? ADMIN_READ_ONLY : CLIENT_READ_ONLY;
  if (attributes.some((a) => readOnly.has(a.Name))) {
    // Observed wording when an app client writes an attribute outside its write list.
    throw idpErrors.notAuthorized('A client attempted to write unauthorized attribute');
  }
  for (const { Name, Value } of attributes) {
    // An administrator's blank value deletes the attribute: there is no value to check.
    if (mode === 'admin-update' && Value === '') continue;
    if (VERIFIED_FLAGS.has(Name) && Value !== 'true' && Value !== 'false')
      // (unv: AWS's wording for a verified flag that is neither true nor false)
      throw idpErrors.invalidParameter(`Invalid value for ${Name}: ${Value}`);
    if (Name === 'email' && !EMAIL.test(Value))
      throw idpErrors.invalidParameter('Invalid email address format.');
    if (Name === 'phone_number' && !PHONE.test(Value))
      throw idpErrors.invalidParameter('Invalid phone number format.');
    const schema = pool.schema.find((s) => s.name === Name);
    if (mode !== 'sign-up' && mode !== 'admin-create' && schema && !schema.mutable) {
      throw idpErrors.invalidParameter(
        `Cannot modify an already provided value for immutable attribute: ${Name}`,
      );
    }
  }
}

/** Masks a delivery destination as AWS does: `a***@e***` for email, `+*******4567` for phone (obs). */
export function maskDestination(medium: 'EMAIL' | 'SMS', destination: string): string {
  if (medium === 'SMS') return `+${'*'.repeat(Math.max(0, destination.length - 5))}${destination.slice(-4)}`;
  const [local = '', domain = ''] = destination.split('@');
  return `${local.charAt(0)}***@${domain.charAt(0)}***`;
}
