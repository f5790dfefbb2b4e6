import type { UserRecord } from './state';

/**
 * Cognito's password lockout (doc, "Authentication with user pools", lockout behavior): after 5 failed
 * sign-ins the user is locked for 2^(n−5) seconds, n the cumulative failures (1 s, 2 s, 4 s …, capped
 * at about 15 minutes); attempts while locked fail with "Password attempts exceeded" and do not count;
 * the count resets after a successful sign-in once the lock has expired, or after 15 minutes with no
 * attempts.
 */
export const LOCKOUT_THRESHOLD = 5;
export const MAX_LOCK_MS = 15 * 60 * 1000;
export const QUIET_RESET_MS = 15 * 60 * 1000;

export function isLocked(user: UserRecord, now: number): boolean {
  return user.lockedUntil !== undefined && now < user.lockedUntil;
}

/** Forgets old failures after 15 quiet minutes; call before judging an attempt. */
export function expireQuietFailures(user: UserRecord, now: number): void {
  if (user.lastFailedAt !== undefined && now - user.lastFailedAt >= QUIET_RESET_MS && !isLocked(user, now)) {
    user.failedAttempts = 0;
    user.lastFailedAt = undefined;
    user.lockedUntil = undefined;
  }
}

export function recordFailure(user: UserRecord, now: number): void {
  user.failedAttempts += 1;
  user.lastFailedAt = now;
  if (user.failedAttempts >= LOCKOUT_THRESHOLD) {
    user.lockedUntil = now + Math.min(2 ** (user.failedAttempts - LOCKOUT_THRESHOLD) * 1000, MAX_LOCK_MS);
  }
}

export function recordSuccess(user: UserRecord): void {
  user.failedAttempts = 0;
  user.lastFailedAt = undefined;
  user.lockedUntil = undefined;
}
