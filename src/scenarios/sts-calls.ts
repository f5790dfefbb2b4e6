import { googleSignInStep, samlSignInStep } from './steps/idps';
import {
  assumeRoleStep,
  assumeRoleWithSamlStep,
  assumeRoleWithWebIdentityStep,
  getCallerIdentityStep,
  getFederationTokenStep,
  getSessionTokenStep,
} from './steps/sts';
import type { Scenario } from './types';

/**
 * The five STS calls applications use to get credentials, each with its typical caller (AssumeRoot, for
 * privileged tasks in AWS Organizations member accounts, is outside the app).
 */

export const stsAssumeRole: Scenario = {
  id: 'sts-assume-role',
  title: 'AssumeRole: a developer machine takes on a role',
  summary: 'Long-term IAM user keys sign AssumeRole; the role’s trust policy names the user.',
  group: 'sts',
  identity: 'iamUser',
  actors: ['developer', 'sts', 'iam'],
  steps: [assumeRoleStep(), getCallerIdentityStep({ from: 'developer', label: '2' })],
};

export const stsSaml: Scenario = {
  id: 'sts-saml',
  title: 'AssumeRoleWithSAML: single sign-on through a corporate IdP',
  summary: 'A client sends ExampleCorp’s signed assertion to STS; no AWS keys involved.',
  group: 'sts',
  identity: 'saml',
  actors: ['app', 'saml', 'sts', 'iam'],
  steps: [samlSignInStep(), assumeRoleWithSamlStep(), getCallerIdentityStep()],
};

export const stsWebIdentity: Scenario = {
  id: 'sts-web-identity',
  title: 'AssumeRoleWithWebIdentity: a Google token straight to STS',
  summary:
    'An OIDC ID token from Google, which STS trusts without an IAM OIDC provider, becomes role credentials.',
  group: 'sts',
  identity: 'google',
  actors: ['app', 'google', 'sts', 'iam'],
  steps: [
    googleSignInStep(),
    assumeRoleWithWebIdentityStep('googleIdToken', (demo) => demo.webIdentityRoleArn),
    getCallerIdentityStep(),
  ],
};

export const stsFederationToken: Scenario = {
  id: 'sts-federation-token',
  title: 'GetFederationToken: a federation broker',
  summary: 'A server with IAM user keys mints federated-user credentials narrowed by a session policy.',
  group: 'sts',
  identity: 'iamUser',
  actors: ['broker', 'sts', 'iam'],
  steps: [getFederationTokenStep(), getCallerIdentityStep({ from: 'broker', label: '2' })],
};

export const stsSessionToken: Scenario = {
  id: 'sts-session-token',
  title: 'GetSessionToken: short-lived keys for the same user',
  summary: 'A central server or unmanaged machine trades long-term keys for temporary ones.',
  group: 'sts',
  identity: 'iamUser',
  actors: ['developer', 'sts', 'iam'],
  steps: [getSessionTokenStep(), getCallerIdentityStep({ from: 'developer', label: '2' })],
};
