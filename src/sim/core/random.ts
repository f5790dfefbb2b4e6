/**
 * Deterministic randomness owned by one cloud. Ids, secrets, codes and nonces all come from here so
 * that the same seed, clock and actions give the same bytes (never Math.random or crypto.getRandomValues
 * below createCloud). The generator is sfc32 seeded from a string with cyrb128: fast, well distributed,
 * and NOT cryptographically secure, which is fine because the simulation protects nothing real.
 * Its whole state is four numbers, so it is saved in snapshots.
 */
export interface Random {
  /** A uniformly distributed 32-bit unsigned integer. */
  uint32(): number;
  bytes(length: number): Uint8Array;
  /** Integer in [0, max). */
  int(max: number): number;
  /** Characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string;
  /** RFC 4122 version-4 shaped UUID, lower case. */
  uuid(): string;
  hex(length: number): string;
  /** Current generator state, for snapshots. */
  save(): RandomState;
}

export type RandomState = [number, number, number, number];

export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function cyrb128(seed: string): RandomState {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function createRandom(seedOrState: string | RandomState): Random {
  let [a, b, c, d] = typeof seedOrState === 'string' ? cyrb128(seedOrState) : seedOrState;
  const uint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  const int = (max: number): number => {
    // Rejection sampling keeps the distribution uniform for any max.
    const limit = Math.floor(0x1_0000_0000 / max) * max;
    for (;;) {
      const x = uint32();
      if (x < limit) return x % max;
    }
  };
  const bytes = (length: number): Uint8Array => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const x = uint32();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (x >>> (8 * j)) & 0xff;
    }
    return out;
  };
  const hex = (length: number): string => {
    let s = '';
    while (s.length < length) s += uint32().toString(16).padStart(8, '0');
    return s.slice(0, length);
  };
  return {
    uint32,
    int,
    bytes,
    hex,
    string(length, alphabet) {
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[int(alphabet.length)];
      return s;
    },
    uuid() {
      const h = hex(32).split('');
      h[12] = '4';
      h[16] = '89ab'[int(4)] as string;
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    save: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}
