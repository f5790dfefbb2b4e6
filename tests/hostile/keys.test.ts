/**
 * The simulation's private keys are non-extractable CryptoKeys, in a live cloud and in its snapshot
 * (which is what gets stored in IndexedDB): exportKey must reject for every one of them, in every format.
 */
import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/sim/index';
import type { KeyRing } from '../../src/sim/tokens/keys';

function privateKeys(keys: KeyRing): [string, CryptoKey][] {
  return [
    ['userPoolIdToken', keys.userPoolIdToken.privateKey],
    ['userPoolAccessToken', keys.userPoolAccessToken.privateKey],
    ['cognitoIdentity', keys.cognitoIdentity.privateKey],
    ['google', keys.google.privateKey],
    ['saml', keys.saml.privateKey],
    ['refreshToken (AES-GCM)', keys.refreshToken],
  ];
}

describe('simulation keys', () => {
  for (const source of ['demo', 'generate'] as const) {
    it(`keeps every private key of a '${source}' cloud non-extractable, also after a structured clone of the snapshot`, async () => {
      const cloud = await createCloud({ keys: source, now: () => Date.UTC(2026, 10, 26) });
      const saved = structuredClone(cloud.snapshot());
      const keys = [
        ...privateKeys(cloud.snapshot().keys),
        ...privateKeys(saved.keys).map(([n, k]) => [`${n} (cloned)`, k] as [string, CryptoKey]),
      ];
      expect(keys).toHaveLength(12);
      for (const [name, key] of keys) {
        expect({ name, extractable: key.extractable, type: key.type }).toEqual({
          name,
          extractable: false,
          type: name.startsWith('refreshToken') ? 'secret' : 'private',
        });
        for (const format of key.type === 'secret'
          ? (['raw', 'jwk'] as const)
          : (['pkcs8', 'jwk'] as const)) {
          await expect(crypto.subtle.exportKey(format, key), `${name} ${format}`).rejects.toThrow();
        }
      }
      // The snapshot's JSON part holds no private key material either.
      expect(saved.state).not.toMatch(/"d":"|PRIVATE KEY/);
    });
  }
});
