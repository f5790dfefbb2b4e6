import { createDict, getOwn, setOwn } from '../../core/dict';
import type { World } from '../../world';
import type { AppClientRecord, ChallengeRecord } from './state';

/**
 * Sign-in challenges in flight. Each is kept under the opaque handle the client must echo back — the
 * SECRET_BLOCK of a PASSWORD_VERIFIER challenge, the Session of the challenges after it — and is
 * taken out on first use, so an answer cannot be replayed. A challenge lives as long as the app
 * client's AuthSessionValidity (3–15 minutes, default 3: docs/aws-reference.md §1.6, the CloudFormation and API
 * docs of UserPoolClientType).
 */
export const DEFAULT_AUTH_SESSION_MINUTES = 3;

function store(world: World): Record<string, ChallengeRecord> {
  world.state.cognitoIdp.challenges ??= createDict();
  return world.state.cognitoIdp.challenges;
}

export function authSessionMs(client: AppClientRecord): number {
  return (client.authSessionValidityMinutes ?? DEFAULT_AUTH_SESSION_MINUTES) * 60 * 1000;
}

/** Records a challenge under `handle`, dropping expired ones so snapshots stay small. */
export function putChallenge(world: World, handle: string, record: ChallengeRecord): void {
  const challenges = store(world);
  const now = world.now();
  for (const [key, c] of Object.entries(challenges)) if (c.expiresAt <= now) delete challenges[key];
  setOwn(challenges, handle, record);
}

/** Removes and returns the challenge under `handle` (one use), expired or not; the caller judges expiry. */
export function takeChallenge(world: World, handle: string): ChallengeRecord | undefined {
  const challenges = store(world);
  const record = getOwn(challenges, handle);
  if (record) delete challenges[handle];
  return record;
}

/** A new opaque handle: base64 of random bytes from the cloud's generator. */
export function newHandle(world: World, bytes: number): string {
  return btoa(String.fromCharCode(...world.random.bytes(bytes)));
}
