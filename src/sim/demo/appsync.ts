import { createDict, getOwn, setOwn } from '../core/dict';
import type { Demo } from '../types';
import type { World } from '../world';
import type { DemoIds } from './ids';
import type { StoredItem } from '../services/appsync/state';

/**
 * The demo's shared-list GraphQL API: user pool auth by default, IAM and an API key as additional
 * modes, Automerge as the table's conflict handler (what Amplify provisions by default).
 */
export async function seedAppSync(world: World, ids: DemoIds): Promise<void> {
  const nowSeconds = Math.floor(world.now() / 1000);
  setOwn(world.state.appsync.apis, ids.appSyncApiId, {
    apiId: ids.appSyncApiId,
    name: 'atlas-shared-list',
    defaultAuthMode: 'AMAZON_COGNITO_USER_POOLS',
    additionalAuthModes: ['AWS_IAM', 'API_KEY'],
    userPoolId: ids.userPoolId,
    // API keys are `da2-` followed by 26 lowercase alphanumerics; 7 days is the console default expiry.
    apiKeys: [
      {
        id: `da2-${world.random.string(26, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
        expires: nowSeconds + 7 * 86_400,
      },
    ],
    conflictHandler: 'AUTOMERGE',
    deltaSyncTableTtlMinutes: 30,
    baseTableTtlMinutes: 43_200,
    items: createDict<StoredItem>(),
    delta: [],
    // AppSync lets an API owner cap the resolvers one request may run (configuration-limits.html);
    // a careful owner of a small list API caps it far below the default 10,000. No depth limit is set
    // (AppSync's default): this schema nests three levels at most.
    resolverCountLimit: 100,
  });
}

export function describeAppSync(world: World, ids: DemoIds): Partial<Demo> {
  const api = getOwn(world.state.appsync.apis, ids.appSyncApiId);
  if (!api) return {};
  return {
    appSync: {
      apiId: api.apiId,
      url: `https://${api.apiId}.appsync-api.${world.region}.amazonaws.com/graphql`,
      realtimeUrl: `wss://${api.apiId}.appsync-realtime-api.${world.region}.amazonaws.com/graphql`,
      apiKey: api.apiKeys[0]?.id ?? '',
      // Looked up at each call: cloud.restore replaces the state objects this closure would otherwise hold.
      setConflictHandler(handler) {
        (getOwn(world.state.appsync.apis, api.apiId) ?? api).conflictHandler = handler;
      },
      getConflictHandler: () => (getOwn(world.state.appsync.apis, api.apiId) ?? api).conflictHandler,
    },
  };
}
