/**
 * Physical ids a deployment would give: CloudFormation names resources that have no name property
 * `<stack name>-<logical id>-<random suffix>` (User Guide, "Name type"); services draw their own ids
 * (a user pool is `<region>_<9 characters>`, an identity pool `<region>:<uuid>` …). Ours are derived
 * from a hash of the logical id, so importing the same template twice gives the same ids.
 */
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A deterministic string of `length` characters from `alphabet`, drawn from `seed` (FNV-1a, then xorshift). */
export function hashChars(seed: string, length: number, alphabet: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < length; i++) {
    h ^= h << 13;
    h >>>= 0;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

export const ids = {
  generatedName(stack: string, logical: string, max = 64): string {
    const suffix = hashChars(`name:${logical}`, 12, UPPER_ALNUM);
    const room = Math.max(1, max - suffix.length - 2);
    const base = `${stack}-${logical}`.slice(0, room);
    return `${base}-${suffix}`;
  },
  bucketName(stack: string, logical: string): string {
    return ids.generatedName(stack, logical, 63).toLowerCase();
  },
  userPoolId: (region: string, logical: string) => `${region}_${hashChars(`pool:${logical}`, 9, ALNUM)}`,
  clientId: (logical: string) => hashChars(`client:${logical}`, 26, LOWER_ALNUM),
  clientSecret: (logical: string) => hashChars(`secret:${logical}`, 51, LOWER_ALNUM),
  identityPoolId(region: string, logical: string): string {
    const h = hashChars(`idpool:${logical}`, 32, '0123456789abcdef');
    return `${region}:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  },
  short: (kind: string, logical: string, n = 10) => hashChars(`${kind}:${logical}`, n, LOWER_ALNUM),
  uniqueId: (prefix: string, logical: string) =>
    prefix + hashChars(`uid:${prefix}:${logical}`, 17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
};
