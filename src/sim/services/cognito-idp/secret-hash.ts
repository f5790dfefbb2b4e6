import { idpErrors } from './errors';
import type { AppClientRecord } from './state';

/**
 * SECRET_HASH of confidential app clients (developer guide, "Computing secret hash values"):
 * Base64(HMAC-SHA256(key = client secret, message = username + client id)). A client with a secret
 * must send it on every public call that names a user: as the top-level `SecretHash` (SignUp,
 * ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword) or as the
 * `SECRET_HASH` entry of AuthParameters / ChallengeResponses (InitiateAuth, RespondToAuthChallenge).
 *
 * Messages as observed on the wire: a wrong hash, or a missing top-level SecretHash, is
 * "Unable to verify secret hash for client <id>" (amplify-js #277, furaiev/amazon-cognito-identity-dart-2
 * PR #98); a missing SECRET_HASH parameter is "Client <id> is configured with secret but SECRET_HASH
 * was not received" (amplify-android #2504, dart-2 #249). Public clients ignore the field here.
 */
export async function computeSecretHash(clientSecret: string, username: string, clientId: string) {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(username + clientId)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function matchesAny(client: AppClientRecord, usernames: string[], provided: string) {
  for (const name of usernames) {
    if ((await computeSecretHash(client.clientSecret as string, name, client.clientId)) === provided)
      return true;
  }
  return false;
}

/** The top-level `SecretHash` member: missing or wrong are the same refusal. */
export async function checkSecretHashField(
  client: AppClientRecord,
  usernames: string[],
  provided: string | undefined,
): Promise<void> {
  if (client.clientSecret === undefined) return;
  if (!provided || !(await matchesAny(client, usernames, provided)))
    throw idpErrors.secretHashMismatch(client.clientId);
}

/** `SECRET_HASH` inside AuthParameters or ChallengeResponses. */
export async function checkSecretHashParameter(
  client: AppClientRecord,
  usernames: string[],
  params: Record<string, string>,
): Promise<void> {
  if (client.clientSecret === undefined) return;
  const provided = params.SECRET_HASH;
  if (!provided) throw idpErrors.secretHashMissing(client.clientId);
  if (!(await matchesAny(client, usernames, provided))) throw idpErrors.secretHashMismatch(client.clientId);
}
