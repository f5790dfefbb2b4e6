import { createDiffieHellman, createHash, getDiffieHellman } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { modPow, multiplierK, padHex, SRP_G, SRP_N } from './srp-math';
import { formatSrpTimestamp, isCanonicalSrpTimestamp } from './srp-timestamp';

/** The engine's SRP building blocks against Node's own implementations (a second, independent computation). */
describe('cognito-idp SRP arithmetic', () => {
  it('uses the RFC 5054 3072-bit prime (RFC 3526 group 15, Node "modp15") and g = 2', () => {
    expect(SRP_N.toString(16)).toBe(getDiffieHellman('modp15').getPrime('hex'));
    expect(SRP_G).toBe(2n);
  });

  it('computes g^a mod N as Node Diffie-Hellman does', () => {
    const dh = createDiffieHellman(getDiffieHellman('modp15').getPrime(), Buffer.from([2]));
    const a = Buffer.alloc(32, 0).fill(0xa7, 1);
    dh.setPrivateKey(a);
    const expected = BigInt(`0x${dh.generateKeys('hex')}`);
    expect(modPow(SRP_G, BigInt(`0x${a.toString('hex')}`), SRP_N)).toBe(expected);
  });

  it('pads hex as Java BigInteger.toByteArray: even length, 00 before a set top bit', () => {
    expect(padHex(0x2n)).toBe('02');
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0xabcn)).toBe('0abc');
    expect(padHex(SRP_N).slice(0, 4)).toBe('00ff');
  });

  it('derives k = SHA-256(00‖N ‖ 02)', async () => {
    const bytes = Buffer.concat([Buffer.from([0]), getDiffieHellman('modp15').getPrime(), Buffer.from([2])]);
    expect(await multiplierK()).toBe(BigInt(`0x${createHash('sha256').update(bytes).digest('hex')}`));
  });

  it('accepts only the canonical TIMESTAMP spelling', () => {
    const ms = Date.UTC(2026, 8, 5, 9, 3, 7);
    expect(formatSrpTimestamp(ms)).toBe('Sat Sep 5 09:03:07 UTC 2026');
    expect(isCanonicalSrpTimestamp('Sat Sep 5 09:03:07 UTC 2026')).toBe(true);
    expect(isCanonicalSrpTimestamp('Sat Sep 05 09:03:07 UTC 2026')).toBe(false);
    expect(isCanonicalSrpTimestamp('Fri Sep 5 09:03:07 UTC 2026')).toBe(false);
    expect(isCanonicalSrpTimestamp('Mon Feb 30 09:03:07 UTC 2026')).toBe(false);
  });
});
