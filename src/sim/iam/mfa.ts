/**
 * Virtual MFA devices: TOTP per RFC 6238 (HMAC-SHA-1, 6 digits, 30-second steps), the algorithm IAM
 * virtual MFA devices and authenticator apps use. The seed is IAM's `Base32StringSeed` (RFC 4648).
 * WebCrypto only, so it runs unchanged in Node and browsers.
 */

const TOTP_STEP_SECONDS = 30;
const TOTP_DIGITS = 6;

/** Decodes RFC 4648 base32 (upper case, padding optional). */
export function base32Decode(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = alphabet.indexOf(ch);
    if (index < 0) throw new Error(`invalid base32 character ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** HOTP (RFC 4226) for a counter: dynamic truncation of HMAC-SHA-1, zero-padded to 6 digits. */
export async function hotp(secret: Uint8Array, counter: number): Promise<string> {
  const message = new Uint8Array(8);
  let c = counter;
  for (let i = 7; i >= 0; i--) {
    message[i] = c & 0xff;
    c = Math.floor(c / 256);
  }
  const key = await crypto.subtle.importKey(
    'raw',
    secret as BufferSource,
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary =
    (((mac[offset] as number) & 0x7f) << 24) |
    ((mac[offset + 1] as number) << 16) |
    ((mac[offset + 2] as number) << 8) |
    (mac[offset + 3] as number);
  return String(binary % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}

/** The TOTP time step containing `atMs`. */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_STEP_SECONDS);
}

/** The 6-digit code a virtual MFA device shows at `atMs` (epoch ms). */
export function totpCode(base32Seed: string, atMs: number): Promise<string> {
  return hotp(base32Decode(base32Seed), totpStep(atMs));
}

/**
 * Whether `code` is valid at `atMs`, accepting one step either side for clock drift (RFC 6238
 * section 5.2 recommends at most one step of tolerance). Returns the matching step or undefined,
 * so a caller can refuse a code reused within its step.
 */
export async function verifyTotp(
  base32Seed: string,
  code: string,
  atMs: number,
  window = 1,
): Promise<number | undefined> {
  const secret = base32Decode(base32Seed);
  const step = totpStep(atMs);
  for (let d = -window; d <= window; d++) {
    if ((await hotp(secret, step + d)) === code) return step + d;
  }
  return undefined;
}
