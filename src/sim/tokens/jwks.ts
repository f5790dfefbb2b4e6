import type { World } from '../world';

/**
 * The user pool JWKS as `https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/jwks.json`
 * serves it: both public keys (ID token and access token), members in AWS's order (docs/aws-reference.md §1.7).
 */
export function userPoolJwks(world: World): {
  keys: { alg: string; e: string; kid: string; kty: string; n: string; use: string }[];
} {
  return {
    keys: [world.keys.userPoolIdToken, world.keys.userPoolAccessToken].map((k) => ({
      alg: 'RS256',
      e: k.publicJwk.e as string,
      kid: k.kid,
      kty: 'RSA',
      n: k.publicJwk.n as string,
      use: 'sig',
    })),
  };
}
