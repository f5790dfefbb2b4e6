/**
 * The arithmetic of Cognito's SRP-6a (USER_SRP_AUTH), as AWS's public client libraries perform it
 * (amazon-cognito-identity-js AuthenticationHelper, Amplify, pycognito, the .NET/Java helpers — they
 * agree): the 3072-bit group of RFC 5054 (= RFC 3526 group 15), g = 2, SHA-256.
 *
 * The quirk every implementation must share is how numbers become bytes before hashing: Cognito's
 * clients do not pad to the length of N (as RFC 5054 would); they take the shortest even-length hex of
 * the number and prepend "00" when the first byte is >= 0x80 (Java's signed BigInteger.toByteArray).
 * So k = H(00‖N ‖ 02), u = H(pad(A) ‖ pad(B)) and the HKDF inputs use that encoding too. A server that
 * padded differently would fail every real client, so it lives in one place: {@link padHex}.
 *
 * BigInt does the modular arithmetic; crypto.subtle does SHA-256, HMAC and HKDF.
 */

/** RFC 5054 appendix A, 3072-bit group (identical to the RFC 3526 3072-bit MODP prime). */
export const SRP_N = BigInt(
  `0x${[
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74',
    '020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437',
    '4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED',
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05',
    '98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB',
    '9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B',
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718',
    '3995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33',
    'A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7',
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864',
    'D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E2',
    '08E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
  ].join('')}`,
);
export const SRP_G = 2n;

/** The HKDF `info` of Cognito's session key (AWS's internal name for the service). */
const DERIVED_KEY_INFO = 'Caldera Derived Key';

/** base^exp mod m by square-and-multiply (BigInt has no built-in modPow). */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  let b = ((base % m) + m) % m;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return result;
}

/** Shortest even-length hex, with "00" in front when the top bit is set (see the module comment). */
export function padHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  else if ('89abcdef'.includes(hex[0] as string)) hex = `00${hex}`;
  return hex;
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

/** H over the padded encodings of some numbers, as a number. */
async function hashNumbers(...values: bigint[]): Promise<bigint> {
  return bytesToBigInt(await sha256(hexToBytes(values.map(padHex).join(''))));
}

/** k = H(N ‖ g) with the clients' padding (N gets a leading 00, g is the single byte 02). */
export function multiplierK(): Promise<bigint> {
  return hashNumbers(SRP_N, SRP_G);
}

/** u = H(A ‖ B). */
export function scramblingU(A: bigint, B: bigint): Promise<bigint> {
  return hashNumbers(A, B);
}

/**
 * x = H(salt ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password)); the inner hash is taken as 64 hex digits
 * (its natural width), the salt as a padded number, as the clients do.
 */
export async function privateKeyX(
  saltHex: string,
  poolName: string,
  userIdForSrp: string,
  password: string,
): Promise<bigint> {
  const inner = await sha256(utf8(`${poolName}${userIdForSrp}:${password}`));
  const salt = BigInt(`0x${saltHex}`);
  return bytesToBigInt(await sha256(concat(hexToBytes(padHex(salt)), inner)));
}

/** v = g^x mod N: what the pool stores instead of the password. */
export function verifierV(x: bigint): bigint {
  return modPow(SRP_G, x, SRP_N);
}

/** B = (k·v + g^b) mod N. */
export async function serverPublicB(v: bigint, b: bigint): Promise<bigint> {
  return ((await multiplierK()) * v + modPow(SRP_G, b, SRP_N)) % SRP_N;
}

/** The server's premaster secret S = (A · v^u)^b mod N. */
export function serverSecretS(A: bigint, v: bigint, u: bigint, b: bigint): bigint {
  return modPow((A * modPow(v, u, SRP_N)) % SRP_N, b, SRP_N);
}

/** K = HKDF-SHA256(ikm = pad(S), salt = pad(u), info = "Caldera Derived Key"), first 16 bytes. */
export async function sessionKey(S: bigint, u: bigint): Promise<Uint8Array> {
  const ikm = await crypto.subtle.importKey('raw', hexToBytes(padHex(S)) as BufferSource, 'HKDF', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: hexToBytes(padHex(u)) as BufferSource,
      info: utf8(DERIVED_KEY_INFO) as BufferSource,
    },
    ikm,
    128,
  );
  return new Uint8Array(bits);
}

/** Base64(HMAC-SHA256(K, poolName ‖ userIdForSrp ‖ secretBlock bytes ‖ TIMESTAMP)). */
export async function passwordClaimSignature(
  key: Uint8Array,
  poolName: string,
  userIdForSrp: string,
  secretBlock: Uint8Array,
  timestamp: string,
): Promise<string> {
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    key as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const message = concat(utf8(poolName), utf8(userIdForSrp), secretBlock, utf8(timestamp));
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message as BufferSource));
  return btoa(String.fromCharCode(...mac));
}
