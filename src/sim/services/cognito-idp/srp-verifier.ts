import type { PasswordHash, SrpVerifier } from './state';
import { bytesToHex, privateKeyX, verifierV } from './srp-math';

/**
 * What a user pool keeps for USER_SRP_AUTH instead of the password: a salt and v = g^x mod N, computed
 * once when the password is set (sign-up, demo seeding). Together with the PBKDF2 hash used by
 * USER_PASSWORD_AUTH, the pool can check both flows without ever storing the password.
 */

/** The part of the pool id after "_" ("us-east-1_AbC123xyz" → "AbC123xyz"), which SRP hashes in. */
export function srpPoolName(poolId: string): string {
  return poolId.slice(poolId.indexOf('_') + 1);
}

/**
 * The SRP salt is derived from the PBKDF2 salt already drawn from world.random for this password, so
 * adding SRP did not shift the cloud's random sequence (every other seeded id keeps its value); it is
 * as random and as per-user as that salt.
 */
async function saltFor(hash: PasswordHash): Promise<string> {
  const material = new TextEncoder().encode(`srp-salt:${hash.salt}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', material));
  return bytesToHex(digest.slice(0, 16));
}

/** Salt and verifier for `userIdForSrp` (the username) in pool `poolId`. */
export async function createSrpVerifier(
  poolId: string,
  userIdForSrp: string,
  password: string,
  hash: PasswordHash,
): Promise<SrpVerifier> {
  const salt = await saltFor(hash);
  const x = await privateKeyX(salt, srpPoolName(poolId), userIdForSrp, password);
  return { salt, verifier: verifierV(x).toString(16) };
}
