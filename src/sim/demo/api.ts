import { setOwn } from '../core/dict';
import type { Demo } from '../types';
import type { World } from '../world';
import type { DemoIds } from './ids';
import { REPORTS_READ, REPORTS_WRITE } from './machine-client';

export const DEMO_STAGE = 'prod';
/** The scope GET /me/scoped requires: only access tokens carry it. */
export const DEMO_SCOPE = 'aws.cognito.signin.user.admin';

/** Seeds the demo world's api part into fresh state (runs once per new cloud, never on restore). */
export async function seedApi(world: World, ids: DemoIds): Promise<void> {
  const authorizerId = world.random.string(6, 'abcdefghijklmnopqrstuvwxyz0123456789');
  setOwn(world.state.executeApi.apis, ids.apiId, {
    id: ids.apiId,
    name: 'atlas-api',
    stages: [DEMO_STAGE],
    authorizers: {
      [authorizerId]: {
        id: authorizerId,
        name: 'atlas-user-pool',
        type: 'COGNITO_USER_POOLS',
        providerArns: [`arn:aws:cognito-idp:${world.region}:${world.accountId}:userpool/${ids.userPoolId}`],
        header: 'Authorization',
      },
    },
    methods: [
      { httpMethod: 'GET', resourcePath: '/me', authorizationType: 'COGNITO_USER_POOLS', authorizerId },
      {
        httpMethod: 'GET',
        resourcePath: '/me/scoped',
        authorizationType: 'COGNITO_USER_POOLS',
        authorizerId,
        authorizationScopes: [DEMO_SCOPE],
      },
      { httpMethod: 'GET', resourcePath: '/iam', authorizationType: 'AWS_IAM' },
      // The nightly reports, for machine clients of the pool (machine-client.ts): reading wants the
      // custom scope reports/read, publishing reports/write.
      {
        httpMethod: 'GET',
        resourcePath: '/reports',
        authorizationType: 'COGNITO_USER_POOLS',
        authorizerId,
        authorizationScopes: [REPORTS_READ],
      },
      {
        httpMethod: 'POST',
        resourcePath: '/reports',
        authorizationType: 'COGNITO_USER_POOLS',
        authorizerId,
        authorizationScopes: [REPORTS_WRITE],
      },
    ],
  });
}

/** The api part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeApi(world: World, ids: DemoIds): Partial<Demo> {
  return { api: { url: `https://${ids.apiId}.execute-api.${world.region}.amazonaws.com/${DEMO_STAGE}` } };
}
