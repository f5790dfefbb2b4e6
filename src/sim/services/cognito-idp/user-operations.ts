import { deleteOwn, getOwn, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAccessToken } from './access-token';
import { checkAttributes, parseAttributeList } from './attributes';
import { checkCode, deliver, newCode } from './codes';
import { idpErrors } from './errors';
import { CODE, TOKEN, v } from './input';
import type { UserRecord } from './state';

/** Token-authorized operations of a signed-in user (the access token travels in the body). */

const accessToken = (input: JsonInput) => v.string(input, 'AccessToken', TOKEN);

/** Attributes as GetUser lists them: `sub` first, then the rest in the order they were set. */
export function attributeList(user: UserRecord): { Name: string; Value: string }[] {
  const rest = Object.entries(user.attributes).filter(([n]) => n !== 'sub');
  return [{ Name: 'sub', Value: user.sub }, ...rest.map(([Name, Value]) => ({ Name, Value }))];
}

export async function getUser(input: JsonInput, ctx: RequestContext) {
  const { user } = await authorizeAccessToken(ctx.world, accessToken(input));
  return { UserAttributes: attributeList(user), Username: user.username };
}

export async function updateUserAttributes(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const token = accessToken(input);
  const attributes = parseAttributeList(input.UserAttributes, 'UserAttributes');
  if (input.UserAttributes === undefined || input.UserAttributes === null) {
    v.fail(
      "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
    );
  }
  const { pool, user } = await authorizeAccessToken(world, token);
  checkAttributes(pool, attributes, 'update');
  const details = [];
  for (const { Name, Value } of attributes) {
    const changed = getOwn(user.attributes, Name) !== Value;
    setOwn(user.attributes, Name, Value);
    // A changed email is unverified until the new address proves itself with a code (doc: attribute verification).
    if (Name === 'email' && changed) {
      user.attributes.email_verified = 'false';
      if (pool.autoVerifiedAttributes.includes('email')) {
        const code = newCode(world, 'VERIFY_ATTRIBUTE', 'email');
        user.attributeCodes.email = code;
        details.push(
          deliver(world, pool, user, code, 'VERIFY_ATTRIBUTE', {
            attribute: 'email',
            medium: 'EMAIL',
            to: Value,
          }),
        );
        ctx.emit('code.sent', `Verification code sent to ${Value}`, {
          to: Value,
          purpose: 'VERIFY_ATTRIBUTE',
        });
      }
    }
  }
  user.lastModifiedAt = world.now();
  ctx.emit('state', `Attributes of ${user.username} updated`, { names: attributes.map((a) => a.Name) });
  return details.length ? { CodeDeliveryDetailsList: details } : {};
}

export async function getUserAttributeVerificationCode(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const token = accessToken(input);
  const name = v.string(input, 'AttributeName', { min: 1, max: 32 });
  const { pool, user } = await authorizeAccessToken(world, token);
  // Email only, whichever channel sign-up confirmation prefers (deliveryTarget picks the phone first).
  const email = user.attributes.email;
  if (name !== 'email' || !email || !pool.autoVerifiedAttributes.includes('email'))
    throw idpErrors.invalidParameter(`Invalid attribute name: ${name}`);
  const target = { attribute: 'email', medium: 'EMAIL' as const, to: email };
  const code = newCode(world, 'VERIFY_ATTRIBUTE', 'email');
  user.attributeCodes.email = code;
  return { CodeDeliveryDetails: deliver(world, pool, user, code, 'VERIFY_ATTRIBUTE', target) };
}

export async function verifyUserAttribute(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const token = accessToken(input);
  const name = v.string(input, 'AttributeName', { min: 1, max: 32 });
  const code = v.string(input, 'Code', CODE);
  const { user } = await authorizeAccessToken(world, token);
  checkCode(world, getOwn(user.attributeCodes, name), code);
  deleteOwn(user.attributeCodes, name);
  setOwn(user.attributes, `${name}_verified`, 'true');
  user.lastModifiedAt = world.now();
  return {};
}

/** Revokes every authentication of the user: Cognito's APIs refuse their tokens from now on (docs/aws-reference.md §1.9). */
export async function globalSignOut(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const { pool, user } = await authorizeAccessToken(world, accessToken(input));
  const now = world.now();
  let count = 0;
  for (const session of Object.values(world.state.cognitoIdp.sessions)) {
    if (session.poolId === pool.id && session.sub === user.sub && session.revokedAt === undefined) {
      session.revokedAt = now;
      session.revokedBy = 'GlobalSignOut';
      count++;
    }
  }
  ctx.emit('token.revoked', `Signed ${user.username} out everywhere (${count} sessions)`, {
    count,
    note: 'Offline verifiers (API Gateway, AppSync) keep accepting the ID and access tokens until exp.',
  });
  return {};
}
