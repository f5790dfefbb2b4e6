import type { World } from '../../world';
import { hashPassword } from './password';
import { bytesToHex, privateKeyX, verifierV } from './srp-math';
import type { PasswordHash, SrpVerifier } from './state';

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

/**
 * Both forms a user pool keeps of a new password: the PBKDF2 hash USER_PASSWORD_AUTH checks and the SRP
 * salt and verifier USER_SRP_AUTH checks. Made together, so that no path sets one without the other
 * (a user whose verifier lagged behind the hash could sign in with the old password by SRP), and both
 * before the caller stores either, so a failure part-way leaves the old password in place.
 */
export async function passwordForms(
  world: World,
  poolId: string,
  username: string,
  password: string,
): Promise<{ password: PasswordHash; srp: SrpVerifier }> {
  const hash = await hashPassword(world, password);
  return { password: hash, srp: await createSrpVerifier(poolId, username, password, hash) };
}
