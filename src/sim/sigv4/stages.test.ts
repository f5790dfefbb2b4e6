import { describe, expect, it } from 'vitest';
import { toHex } from './encoding';
import { signingKey } from './stages';

// The worked example of the IAM User Guide ("Signature Version 4 signing process", deriving the key).
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const EXAMPLE_KEY = 'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9';

describe('signingKey', () => {
  it('derives the documented key, and the same key again when it was kept', async () => {
    expect(toHex(await signingKey(SECRET, '20150830T123600Z', 'us-east-1', 'iam'))).toBe(EXAMPLE_KEY);
    expect(toHex(await signingKey(SECRET, '20150830', 'us-east-1', 'iam'))).toBe(EXAMPLE_KEY);
  });

  it('hands each caller its own bytes: changing one does not change the kept key', async () => {
    const first = await signingKey(SECRET, '20150830', 'us-east-1', 'iam');
    first.fill(0);
    expect(toHex(await signingKey(SECRET, '20150830', 'us-east-1', 'iam'))).toBe(EXAMPLE_KEY);
  });

  it('keys each secret, day, region and service apart', async () => {
    const keys = await Promise.all([
      signingKey(SECRET, '20150830', 'us-east-1', 'iam'),
      signingKey(`${SECRET}x`, '20150830', 'us-east-1', 'iam'),
      signingKey(SECRET, '20150831', 'us-east-1', 'iam'),
      signingKey(SECRET, '20150830', 'eu-west-1', 'iam'),
      signingKey(SECRET, '20150830', 'us-east-1', 'sts'),
    ]);
    expect(new Set(keys.map(toHex)).size).toBe(5);
  });
});
