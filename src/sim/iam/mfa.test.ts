import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpCode, verifyTotp } from './mfa';

// RFC 6238 Appendix B (SHA-1 seed "12345678901234567890"), 8-digit values truncated to their last 6 digits
// because HOTP's modulo makes the 6-digit code the low 6 digits of the 8-digit one.
const seed = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32("12345678901234567890")

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('decodes the base32 seed', () => {
    expect(new TextDecoder().decode(base32Decode(seed))).toBe('12345678901234567890');
  });

  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at T=%i s the code is %s', async (seconds, code) => {
    expect(await totpCode(seed, seconds * 1000)).toBe(code);
  });

  it('matches RFC 4226 HOTP test value for counter 0', async () => {
    expect(await hotp(new TextEncoder().encode('12345678901234567890'), 0)).toBe('755224');
  });

  it('accepts one step of drift and refuses two', async () => {
    const t = 1234567890_000;
    const previous = await totpCode(seed, t - 30_000);
    expect(await verifyTotp(seed, previous, t)).toBe(Math.floor(t / 30_000) - 1);
    expect(await verifyTotp(seed, await totpCode(seed, t - 60_000), t)).toBeUndefined();
  });
});
