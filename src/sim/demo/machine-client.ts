import { createDict, getOwn, setOwn } from '../core/dict';
import { LOWER_ALPHANUMERIC } from '../core/random';
import type { AppClientRecord } from '../services/cognito-idp/state';
import type { World } from '../world';
import type { DemoIds } from './ids';

/**
 * Machine to machine in the demo user pool: a resource server `reports` with two custom scopes, and
 * "atlas-nightly-report", a confidential app client allowed only the client credentials grant for
 * `reports/read`. The demo API's /reports methods want those scopes (api.ts): a batch job with the
 * client's secret reads the reports and may not write them. No person and no AWS credentials are
 * involved.
 *
 * Drawn after every other seed (demo.ts calls this last) so that no existing demo id changes.
 */
export const MACHINE_CLIENT_NAME = 'atlas-nightly-report';
export const REPORTS_SERVER = 'reports';
export const REPORTS_READ = `${REPORTS_SERVER}/read`;
export const REPORTS_WRITE = `${REPORTS_SERVER}/write`;

export async function seedMachineClient(world: World, ids: DemoIds): Promise<void> {
  const pool = getOwn(world.state.cognitoIdp.pools, ids.userPoolId);
  if (!pool) return;
  pool.resourceServers = createDict();
  setOwn(pool.resourceServers, REPORTS_SERVER, {
    identifier: REPORTS_SERVER,
    name: 'atlas-reports',
    scopes: [
      { scopeName: 'read', scopeDescription: 'Read the nightly reports' },
      { scopeName: 'write', scopeDescription: 'Publish reports' },
    ],
  });
  const clientId = world.random.string(26, LOWER_ALPHANUMERIC);
  const client: AppClientRecord = {
    clientId,
    clientName: MACHINE_CLIENT_NAME,
    clientSecret: world.random.string(51, LOWER_ALPHANUMERIC),
    explicitAuthFlows: [],
    preventUserExistenceErrors: 'ENABLED',
    enableTokenRevocation: true,
    idTokenValiditySeconds: 3600,
    accessTokenValiditySeconds: 3600,
    refreshTokenValiditySeconds: 30 * 24 * 3600,
    allowedOAuthFlows: ['client_credentials'],
    allowedOAuthScopes: [REPORTS_READ],
    callbackUrls: [],
    logoutUrls: [],
    supportedIdentityProviders: [],
  };
  setOwn(pool.clients, clientId, client);
}
