import { createDict, getOwn, hasOwn, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { claimAlias } from './alias-attributes';
import { checkAttributes, parseAttributeList } from './attributes';
import { checkWritable } from './client-attributes';
import { checkCode, deliver, deliveryTarget, newCode } from './codes';
import { idpErrors } from './errors';
import { CLIENT_ID, CODE, optionalBoolean, PASSWORD, USERNAME, v } from './input';
import { runPostConfirmation, runPreSignUp } from './lambda-triggers';
import { checkPasswordPolicy } from './password';
import { findUser, poolAndClient, usernameKey } from './pool-lookup';
import { checkSecretHashField } from './secret-hash';
import { passwordForms } from './srp-verifier';
import type { UserRecord } from './state';
import { usernameAttributeOfNewUser } from './username-attributes';

/** SignUp, ConfirmSignUp and ResendConfirmationCode (public, unsigned operations). */

export async function signUp(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const username = v.string(input, 'Username', USERNAME);
  const password = v.string(input, 'Password', PASSWORD);
  const attributes = parseAttributeList(input.UserAttributes, 'UserAttributes');
  const { pool, client } = poolAndClient(world, clientId);
  await checkSecretHashField(client, [username], v.optionalString(input, 'SecretHash'));
  // "Only allow administrators to create users": nobody signs themselves up (AdminCreateUserConfig).
  if (pool.adminCreateUserOnly) throw idpErrors.signUpNotPermitted();
  checkPasswordPolicy(pool.passwordPolicy, password);
  // With username attributes the Username is the email address or phone number, stored as that attribute
  // (so a required email is present); taken ones are refused like taken usernames.
  const signInAttribute = usernameAttributeOfNewUser(pool, username, attributes);
  checkAttributes(pool, attributes, 'sign-up');
  checkWritable(pool, client, attributes);
  // Taken usernames are always reported, whatever PreventUserExistenceErrors says (doc).
  if (!signInAttribute && hasOwn(pool.users, usernameKey(pool, username))) throw idpErrors.usernameExists();
  // The generated username (the sub) exists before the pre sign-up function runs, which sees it.
  const early = signInAttribute ? world.random.uuid() : undefined;
  // The pre sign-up function sees the request before any user exists; a throw stops the sign-up.
  const pre = runPreSignUp(
    ctx,
    pool,
    client,
    early ?? username,
    attributes,
    input.ValidationData === undefined
      ? undefined
      : parseAttributeList(input.ValidationData, 'ValidationData'),
    v.optionalStringMap(input, 'ClientMetadata'),
  );
  const now = world.now();
  const sub = early ?? world.random.uuid();
  const stored = early ?? usernameKey(pool, username);
  const user: UserRecord = {
    username: stored,
    sub,
    status: 'UNCONFIRMED',
    enabled: true,
    createdAt: now,
    lastModifiedAt: now,
    attributes: createDict({ sub }),
    // The hash for USER_PASSWORD_AUTH and the SRP verifier for USER_SRP_AUTH: both made now, while the
    // password is at hand (it is never stored).
    ...(await passwordForms(world, pool.id, stored, password)),
    groups: [],
    attributeCodes: createDict(),
    failedAttempts: 0,
  };
  for (const a of attributes) setOwn(user.attributes, a.Name, a.Value);
  if (user.attributes.email !== undefined) user.attributes.email_verified = 'false';
  if (pre?.autoVerifyEmail && user.attributes.email !== undefined) user.attributes.email_verified = 'true';
  if (pre?.autoVerifyPhone && user.attributes.phone_number !== undefined)
    user.attributes.phone_number_verified = 'true';
  // autoConfirmUser: confirmed at once, no code is sent (guide, pre sign-up response parameters).
  if (pre?.autoConfirmUser) user.status = 'CONFIRMED';
  setOwn(pool.users, usernameKey(pool, stored), user);
  ctx.emit('state', `User ${user.username} signed up (${user.status})`, {
    poolId: pool.id,
    username: user.username,
    sub,
  });
  if (pre?.autoConfirmUser) return { UserConfirmed: true, UserSub: sub };
  const target = deliveryTarget(pool, user);
  if (!target) return { UserConfirmed: false, UserSub: sub };
  // The code remembers its channel: confirming it verifies that attribute (see confirmSignUp).
  const code = newCode(world, 'SIGN_UP', target.attribute);
  user.signUpCode = code;
  const details = deliver(world, pool, user, code, 'SIGN_UP', target);
  ctx.emit('code.sent', `Confirmation code sent to ${target.to}`, { to: target.to, purpose: 'SIGN_UP' });
  return { CodeDeliveryDetails: details, UserConfirmed: false, UserSub: sub };
}

export async function confirmSignUp(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const username = v.string(input, 'Username', USERNAME);
  const submitted = v.string(input, 'ConfirmationCode', CODE);
  const { pool, client } = poolAndClient(world, clientId);
  await checkSecretHashField(client, [username], v.optionalString(input, 'SecretHash'));
  const user = findUser(pool, username);
  if (!user) {
    // ENABLED answers as if the code were wrong, so the response does not reveal whether the user exists (doc).
    if (client.preventUserExistenceErrors === 'ENABLED') throw idpErrors.codeMismatch();
    throw idpErrors.userNotFound();
  }
  if (user.status !== 'UNCONFIRMED')
    throw idpErrors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  checkCode(world, user.signUpCode, submitted);
  // Cognito "marks the attribute that was used to confirm (email or phone number) as verified" (developer
  // guide, "Signing up and confirming user accounts"). Codes stored before the channel was recorded
  // went by email.
  const channel = user.signUpCode?.attributeName ?? 'email';
  // The address confirmed becomes an alias; another user holding it keeps it unless ForceAliasCreation.
  const force = optionalBoolean(input, 'ForceAliasCreation') === true;
  claimAlias(pool, user, channel, getOwn(user.attributes, channel), force);
  user.status = 'CONFIRMED';
  user.signUpCode = undefined;
  if (getOwn(user.attributes, channel) !== undefined) setOwn(user.attributes, `${channel}_verified`, 'true');
  user.lastModifiedAt = world.now();
  ctx.emit('state', `User ${user.username} confirmed`, { poolId: pool.id, username: user.username });
  // Runs after the confirmation is stored: a throwing function fails the call, but the user stays
  // CONFIRMED (the confirmation is not rolled back).
  runPostConfirmation(
    ctx,
    pool,
    client,
    user,
    'PostConfirmation_ConfirmSignUp',
    v.optionalStringMap(input, 'ClientMetadata'),
  );
  return {};
}

export async function resendConfirmationCode(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const username = v.string(input, 'Username', USERNAME);
  const { pool, client } = poolAndClient(world, clientId);
  await checkSecretHashField(client, [username], v.optionalString(input, 'SecretHash'));
  const user = findUser(pool, username);
  // ENABLED "returns CodeDeliveryDetails for a disabled user or a user that doesn't exist" (developer
  // guide, "Managing user existence error responses"). LEGACY's answer for a disabled user is not
  // documented, so that case keeps the ordinary path below (unverified).
  if (!user || (!user.enabled && client.preventUserExistenceErrors === 'ENABLED')) {
    if (client.preventUserExistenceErrors === 'ENABLED') {
      // "a response indicating a code was sent to a simulated destination" (doc); nothing is delivered.
      return {
        CodeDeliveryDetails: {
          AttributeName: 'email',
          DeliveryMedium: 'EMAIL',
          Destination: `${username.charAt(0)}***@e***`,
        },
      };
    }
    throw idpErrors.userNotFound();
  }
  if (user.status !== 'UNCONFIRMED') throw idpErrors.invalidParameter('User is already confirmed.');
  const target = deliveryTarget(pool, user);
  if (!target)
    throw idpErrors.invalidParameter('No email or phone_number attribute to deliver a confirmation code to.');
  const code = newCode(world, 'SIGN_UP', target.attribute);
  user.signUpCode = code;
  const details = deliver(world, pool, user, code, 'RESEND_SIGN_UP', target);
  ctx.emit('code.sent', `Confirmation code re-sent to ${target.to}`, {
    to: target.to,
    purpose: 'RESEND_SIGN_UP',
  });
  return { CodeDeliveryDetails: details };
}
