import type { Cloud } from '../sim/index';

/**
 * A second cloud used only to read public keys (JWKS). It has the same seed and the same published
 * demo keys as the scenario's cloud, so it serves the same keys, and reading from it never draws
 * from the scenario cloud's random stream (which would change the next request id).
 */
let verifier: Promise<Cloud> | undefined;

export function fetchFromVerifierCloud(url: string): Promise<Response> {
  verifier ??= import('../sim/index').then((m) => m.createCloud({ seed: 'identity-atlas', now: () => 0 }));
  return verifier.then((cloud) => cloud.fetch(new Request(url)));
}
