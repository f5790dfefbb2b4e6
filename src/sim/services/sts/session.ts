/**
 * Mints temporary credentials and records them in STS state, where `auth/credential-store.ts`
 * finds them: an `ASIA…` key id (20 characters), a 40-character secret and a long opaque session
 * token, all drawn from the world's seeded generator.
 */
import { setOwn } from '../../core/dict';
import { BASE64_ALPHABET } from '../../core/random';
import { newIamId } from '../../iam/state';
import type { World } from '../../world';
import type { StsSession } from './state';

/** Credentials as STS returns them; `expiration` in epoch ms (rendered ISO 8601 on the wire). */
export interface StsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: number;
}

/**
 * Real session tokens are base64 of a binary structure and start with `IQoJb3JpZ2luX2Vj`
 * (base64 of "!\n\torigin_ec") since 2019 (obs); the rest is opaque to clients.
 */
const TOKEN_PREFIX = 'IQoJb3JpZ2luX2Vj';
const TOKEN_LENGTH = 744;

export type NewSession = Omit<
  StsSession,
  'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'issuedAt' | 'expiration'
> & {
  durationSeconds: number;
};

export function mintSession(
  world: World,
  input: NewSession,
): { session: StsSession; credentials: StsCredentials } {
  const { durationSeconds, ...rest } = input;
  const issuedAt = world.now();
  const session: StsSession = {
    ...rest,
    accessKeyId: newIamId(world, 'ASIA', 20),
    secretAccessKey: world.random.string(40, BASE64_ALPHABET),
    sessionToken: TOKEN_PREFIX + world.random.string(TOKEN_LENGTH - TOKEN_PREFIX.length, BASE64_ALPHABET),
    issuedAt,
    expiration: issuedAt + durationSeconds * 1000,
  };
  setOwn(world.state.sts.sessions, session.accessKeyId, session);
  return {
    session,
    credentials: {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiration: session.expiration,
    },
  };
}
