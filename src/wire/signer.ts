import type { AwsCredentials } from './credentials';

/**
 * SigV4 signing for the browser side: the engine's public signer entry (`src/sim/signer.ts`), loaded
 * lazily in its own chunk so the first page does not carry it, used the way an app uses its SDK's
 * signer.
 */
export interface SignOptions {
  service: string;
  region: string;
  /** Signing time, epoch ms, from the simulation clock. */
  now: number;
}
export type SignFn = (
  request: Request,
  credentials: AwsCredentials,
  options: SignOptions,
) => Promise<Request>;

let loaded: Promise<SignFn> | undefined;

/** The engine's `signRequest`, loaded on first use (and ahead of time by the player). */
export function loadSigner(): Promise<SignFn> {
  loaded ??= import('../sim/signer').then((m) => m.signRequest as SignFn);
  return loaded;
}

export interface SignOutcome {
  request: Request;
  /** Why the request was not signed, when it was not. */
  unsignedBecause?: string;
}

export async function signForService(
  request: Request,
  credentials: AwsCredentials | undefined,
  options: SignOptions,
): Promise<SignOutcome> {
  if (!credentials)
    return { request, unsignedBecause: 'no credentials: an earlier step did not produce them' };
  const sign = await loadSigner();
  return { request: await sign(request, credentials, options) };
}
