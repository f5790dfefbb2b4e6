import {
  createDiffieHellman,
  createHash,
  createHmac,
  getDiffieHellman,
  hkdfSync,
  randomBytes,
} from 'node:crypto';

/**
 * A Cognito USER_SRP_AUTH client written from the reference's description (aws-facts 2.3) and the
 * public client libraries' documented behaviour, independently of the engine: it shares no code with
 * src/sim/services/cognito-idp/srp-*.ts and uses different primitives (Node's crypto module: the
 * RFC 3526 "modp15" prime, DiffieHellman for g^a, createHash / createHmac / hkdfSync), so a bug in the
 * engine's BigInt or WebCrypto code cannot cancel out against the same bug here.
 */

/** RFC 5054's 3072-bit group is RFC 3526 group 15; Node ships it as "modp15". */
const N_BYTES = getDiffieHellman('modp15').getPrime();
export const N = BigInt(`0x${N_BYTES.toString('hex')}`);
const g = 2n;

/** Java-BigInteger style hex: even length, "00" in front when the top bit is set. */
function signedHex(value: bigint): string {
  const hex = value.toString(16);
  const even = hex.length % 2 ? `0${hex}` : hex;
  return Number.parseInt(even.slice(0, 1), 16) >= 8 ? `00${even}` : even;
}

const bytesOf = (value: bigint) => Buffer.from(signedHex(value), 'hex');
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const numberOf = (buf: Buffer) => BigInt(`0x${buf.toString('hex')}`);

/** Left-to-right binary exponentiation over the exponent's bit string (the engine goes right-to-left). */
function powMod(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const b = ((base % modulus) + modulus) % modulus;
  let acc = 1n;
  for (const bit of exponent.toString(2)) {
    acc = (acc * acc) % modulus;
    if (bit === '1') acc = (acc * b) % modulus;
  }
  return acc;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue Sep 5 09:03:07 UTC 2026": the clients' TIMESTAMP, day of month not padded. */
export function cognitoTimestamp(ms: number): string {
  const d = new Date(ms);
  const time = d.toISOString().slice(11, 19);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${time} UTC ${d.getUTCFullYear()}`;
}

export interface SrpClient {
  /** SRP_A for InitiateAuth, lower-case hex. */
  readonly srpA: string;
  /** The PASSWORD_VERIFIER answer for the challenge parameters, signed at `nowMs`. */
  answer(
    params: Record<string, string>,
    password: string,
    nowMs: number,
  ): {
    USERNAME: string;
    PASSWORD_CLAIM_SECRET_BLOCK: string;
    TIMESTAMP: string;
    PASSWORD_CLAIM_SIGNATURE: string;
  };
}

/** `a` may be fixed for reproducible runs; by default 128 random bytes, as Amplify draws it. */
export function createSrpClient(poolId: string, a: bigint = numberOf(randomBytes(128))): SrpClient {
  const poolName = poolId.split('_')[1] as string;
  const dh = createDiffieHellman(N_BYTES, Buffer.from([2]));
  dh.setPrivateKey(Buffer.from(a.toString(16).padStart(256, '0'), 'hex'));
  const A = numberOf(dh.generateKeys());
  const k = numberOf(sha256(bytesOf(N), bytesOf(g)));
  return {
    srpA: A.toString(16),
    answer(params, password, nowMs) {
      const B = BigInt(`0x${params.SRP_B}`);
      const salt = BigInt(`0x${params.SALT}`);
      const userId = params.USER_ID_FOR_SRP as string;
      const u = numberOf(sha256(bytesOf(A), bytesOf(B)));
      const inner = sha256(Buffer.from(`${poolName}${userId}:${password}`, 'utf8'));
      const x = numberOf(sha256(bytesOf(salt), inner));
      const base = (((B - k * powMod(g, x, N)) % N) + N) % N;
      const S = powMod(base, a + u * x, N);
      const key = Buffer.from(hkdfSync('sha256', bytesOf(S), bytesOf(u), 'Caldera Derived Key', 16));
      const TIMESTAMP = cognitoTimestamp(nowMs);
      const signature = createHmac('sha256', key)
        .update(Buffer.from(poolName, 'utf8'))
        .update(Buffer.from(userId, 'utf8'))
        .update(Buffer.from(params.SECRET_BLOCK as string, 'base64'))
        .update(Buffer.from(TIMESTAMP, 'utf8'))
        .digest('base64');
      return {
        USERNAME: params.USERNAME as string,
        PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK as string,
        TIMESTAMP,
        PASSWORD_CLAIM_SIGNATURE: signature,
      };
    },
  };
}
