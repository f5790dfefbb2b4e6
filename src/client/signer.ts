import type { AwsCredentials } from './credentials';

/**
 * SigV4 signing for the browser side. The engine's team ships a signer in `src/sim/sigv4/`
 * (`signRequest(request, credentials, { service, region, now })`), used here the way an app uses a
 * signer library. It is looked up with `import.meta.glob`, so the app builds and runs before that
 * module exists; until then a request goes out unsigned and the engine's own refusal is what shows.
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

const candidates = import.meta.glob<Record<string, unknown>>([
  '../sim/sigv4/*.ts',
  '!../sim/sigv4/*.test.ts',
]);

let loaded: Promise<SignFn | undefined> | undefined;

/** The engine team's `signRequest`, or undefined while it has not landed. */
export function loadSigner(): Promise<SignFn | undefined> {
  loaded ??= (async () => {
    for (const load of Object.values(candidates)) {
      const mod = await load();
      if (typeof mod.signRequest === 'function') return mod.signRequest as SignFn;
    }
    return undefined;
  })();
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
  if (!sign) return { request, unsignedBecause: 'no SigV4 signer yet: src/sim/sigv4 exports no signRequest' };
  return { request: await sign(request, credentials, options) };
}
