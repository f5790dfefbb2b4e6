/** Functions over the hosted-domain OAuth state (its data model: `state-model.ts`). */
import { createDict, getOwn, setOwn } from '../../../core/dict';
import type { World } from '../../../world';
import { type CognitoOAuthState, createCognitoOAuthState, type PoolIdentityProvider } from './state-model';

export type {
  PoolIdentityProvider,
  PendingAuthorization,
  AuthorizationCodeRecord,
  CognitoOAuthState,
} from './state-model';
export { createCognitoOAuthState } from './state-model';

/** The OAuth state, created on first use (snapshots from before it existed have none). */
export function oauthState(world: World): CognitoOAuthState {
  // Snapshots saved before this state existed restore without it.
  world.state.cognitoOAuth ??= createCognitoOAuthState();
  return world.state.cognitoOAuth;
}

export function registerPoolIdentityProvider(
  world: World,
  poolId: string,
  provider: PoolIdentityProvider,
): void {
  const all = oauthState(world).identityProviders;
  const providers = getOwn(all, poolId) ?? createDict<PoolIdentityProvider>();
  setOwn(providers, provider.providerName, provider);
  setOwn(all, poolId, providers);
}
