import { getCredentialsStep, getIdStep } from './steps/identity-pool';
import { apiWithJwtStep, s3ReadPublicStep } from './steps/services';
import { getUserStep, globalSignOutStep, refreshStep, userPoolSignIn } from './steps/user-pool';
import type { Scenario } from './types';

/**
 * "What still works after sign-out": each probe after GlobalSignOut is a real call, and the table in
 * the UI is filled from their answers. Reference 1.9 and 11.6.
 */
export const afterSignOut: Scenario = {
  id: 'after-sign-out',
  title: 'What still works after sign-out?',
  summary: 'Sign in, get credentials, GlobalSignOut, then try every token and the credentials.',
  group: 'sign-out',
  identity: 'userPool',
  actors: ['app', 'userPool', 'identityPool', 'sts', 'iam', 's3', 'apiGateway'],
  steps: [
    userPoolSignIn(),
    getIdStep('userPool'),
    getCredentialsStep('userPool'),
    globalSignOutStep({ label: '4' }),
    refreshStep({
      id: 'probe-refresh',
      label: '5',
      title: 'Probe: the refresh token',
      expect: 'denied',
      refusal: 'Refresh Token has been revoked',
    }),
    getUserStep({
      id: 'probe-access-token',
      label: '5',
      title: 'Probe: the access token at Cognito (GetUser)',
      expect: 'denied',
      refusal: 'Access Token has been revoked',
    }),
    apiWithJwtStep('idToken', {
      id: 'probe-id-token',
      label: '5',
      title: 'Probe: the ID token at API Gateway',
    }),
    s3ReadPublicStep({ id: 'probe-credentials', label: '5', title: 'Probe: the AWS credentials at S3' }),
  ],
};

/** Which probe rows the table shows, in order, with the plain question each answers. */
export const SIGN_OUT_PROBES = [
  { stepId: 'probe-refresh', thing: 'Refresh token', where: 'Cognito InitiateAuth (REFRESH_TOKEN_AUTH)' },
  { stepId: 'probe-access-token', thing: 'Access token', where: 'Cognito GetUser' },
  { stepId: 'probe-id-token', thing: 'ID token', where: 'API Gateway Cognito authorizer' },
  { stepId: 'probe-credentials', thing: 'AWS credentials', where: 'S3 GetObject (SigV4)' },
] as const;
