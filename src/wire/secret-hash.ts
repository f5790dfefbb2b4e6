/**
 * SECRET_HASH as an app computes it for a confidential app client (Cognito developer guide,
 * "Computing secret hash values"): Base64(HMAC-SHA256(key = client secret, message = username +
 * client id)). Anyone who holds the secret can compute it, which is the point of the what-if that uses it.
 */
export async function secretHash(clientSecret: string, username: string, clientId: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(username + clientId)));
  return btoa(String.fromCharCode(...mac));
}
