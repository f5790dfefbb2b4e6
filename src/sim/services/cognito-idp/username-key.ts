import type { PoolRecord } from './state';

/**
 * Case-insensitive pools (the console default) fold usernames to lower case for lookup, and the sign-in
 * names that stand for them (an email address or phone number as the username, an alias) the same way.
 */
export function usernameKey(pool: PoolRecord, username: string): string {
  return pool.caseSensitiveUsernames ? username : username.toLowerCase();
}
