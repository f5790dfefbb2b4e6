import { getOwn, setOwn } from '../core/dict';
import { LOWER_ALPHANUMERIC } from '../core/random';
import type { AppClientRecord } from '../services/cognito-idp/state';
import type { World } from '../world';
import type { DemoIds } from './ids';

/**
 * "atlas-server-app": a confidential app client of the demo user pool, with a generated client secret,
 * for the SECRET_HASH and `client_secret_basic` lessons. A server holds such a secret; a browser app
 * cannot (anything in its bundle is public), which is why atlas-web is a public client with PKCE.
 *
 * Drawn after every other seed (demo.ts calls this last) so that no existing demo id changes.
 * AWS's generated secrets are 51 lower-case letters and digits (the API reference's example
 * `ClientSecret` has that form).
 */
export const CONFIDENTIAL_CLIENT_NAME = 'atlas-server-app';

export async function seedConfidentialClient(world: World, ids: DemoIds): Promise<void> {
  const pool = getOwn(world.state.cognitoIdp.pools, ids.userPoolId);
  if (!pool) return;
  const clientId = world.random.string(26, LOWER_ALPHANUMERIC);
  const clientSecret = world.random.string(51, LOWER_ALPHANUMERIC);
  const hour = 3600;
  const client: AppClientRecord = {
    clientId,
    clientName: CONFIDENTIAL_CLIENT_NAME,
    clientSecret,
    explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    preventUserExistenceErrors: 'ENABLED',
    enableTokenRevocation: true,
    idTokenValiditySeconds: hour,
    accessTokenValiditySeconds: hour,
    refreshTokenValiditySeconds: 30 * 24 * hour,
    allowedOAuthFlows: ['code'],
    allowedOAuthScopes: ['openid', 'email', 'profile'],
    callbackUrls: ['https://backend.identity-atlas.test/callback'],
    logoutUrls: ['https://backend.identity-atlas.test/'],
    supportedIdentityProviders: ['COGNITO'],
  };
  setOwn(pool.clients, clientId, client);
}
