/**
 * Stages 2–4 of SigV4: the string to sign, the signing key and the signature (IAM User Guide
 * "Create a signed AWS API request", steps 2–5). Each stage is its own function so the explainer can
 * show them one by one, as aws4fetch does.
 */
import { ALGORITHM, TERMINATOR } from './constants';
import { hmacSha256, sha256Hex, toHex, utf8 } from './encoding';

/** `<YYYYMMDD>/<region>/<service>/aws4_request` */
export function credentialScope(date: string, region: string, service: string): string {
  return `${date.slice(0, 8)}/${region}/${service}/${TERMINATOR}`;
}

/**
 * AWS4-HMAC-SHA256\n<X-Amz-Date>\n<scope>\n<hex SHA-256 of the canonical request> (no trailing newline).
 */
export async function stringToSign(amzDate: string, scope: string, canonical: string): Promise<string> {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${await sha256Hex(canonical)}`;
}

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
 * Returned as bytes so the explainer can show them (hex) and `signature` can use them.
 */
export async function signingKey(
  secret: string,
  date: string,
  region: string,
  service: string,
): Promise<Uint8Array<ArrayBuffer>> {
  // The key depends only on these four values and changes once a day, so signers keep it (the AWS SDKs
  // cache it too): each of the four HMACs is a Web Crypto import and sign.
  const id = [secret, date.slice(0, 8), region, service].join('\n');
  let key = derivedKeys.get(id);
  if (!key) {
    key = deriveSigningKey(secret, date, region, service);
    if (derivedKeys.size >= DERIVED_KEYS_KEPT) derivedKeys.delete(derivedKeys.keys().next().value as string);
    derivedKeys.set(id, key);
    // A failed derivation is not kept: the next call tries again.
    const kept = key;
    kept.catch(() => {
      if (derivedKeys.get(id) === kept) derivedKeys.delete(id);
    });
  }
  return (await key).slice();
}

/** Enough for every identity and service of a busy simulation; the oldest is dropped first. */
const DERIVED_KEYS_KEPT = 64;
const derivedKeys = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

async function deriveSigningKey(
  secret: string,
  date: string,
  region: string,
  service: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const kDate = await hmacSha256(utf8(`AWS4${secret}`), date.slice(0, 8));
  const kRegion = await hmacSha256(kDate, region);
  const kService = await hmacSha256(kRegion, service);
  return hmacSha256(kService, TERMINATOR);
}

/** Lower-case hex HMAC-SHA256 of the string to sign under the signing key. */
export async function signature(key: Uint8Array<ArrayBuffer>, toSign: string): Promise<string> {
  return toHex(await hmacSha256(key, toSign));
}

/** The `Authorization` header value for a header-signed request. */
export function authorizationHeader(
  accessKeyId: string,
  scope: string,
  signedHeaders: string[],
  sig: string,
): string {
  return `${ALGORITHM} Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`;
}
