import { getCredentialsStep, getIdStep, getOpenIdTokenStep } from './steps/identity-pool';
import {
  hostedAuthorizeStep,
  hostedGoogleSignInStep,
  hostedIdpResponseStep,
  hostedSamlSignInStep,
  hostedTokenStep,
} from './steps/hosted-ui';
import { scopedApiStep } from './steps/api-scopes';
import { googleSignInStep, samlSignInStep } from './steps/idps';
import { apiWithJwtStep, type S3Caller, s3ReadPublicStep, s3WritePrivateStep } from './steps/services';
import { assumeRoleWithWebIdentityStep } from './steps/sts';
import { userPoolSignIn } from './steps/user-pool';
import type { Scenario } from './types';

/** The main pipeline stories: one per way a person becomes credentials. */

/**
 * The same three S3 calls end every flow (guest, user pool, Google, SAML; enhanced and basic), so
 * switching who signs in compares like with like: read public/, write the caller's own private/ prefix,
 * write another's. What differs is what the engine answers for each role.
 */
function s3Comparison(caller: S3Caller = 'signed-in') {
  return [
    s3ReadPublicStep({}, caller),
    s3WritePrivateStep('own', {}, caller),
    s3WritePrivateStep('other', {}, caller),
  ];
}

export const enhancedFlow: Scenario = {
  id: 'enhanced-flow',
  title: 'Enhanced flow: user pool user → AWS credentials',
  summary: 'Sign in to the user pool, trade the ID token for AWS credentials at the identity pool, call S3.',
  group: 'flows',
  identity: 'userPool',
  actors: ['app', 'userPool', 'identityPool', 'sts', 'iam', 's3'],
  steps: [userPoolSignIn(), getIdStep('userPool'), getCredentialsStep('userPool'), ...s3Comparison()],
};

/** The basic flow's last hop: the app itself asks STS for the classic pool's role. */
function basicFlowAssume(role: 'authenticatedRoleArn' | 'unauthenticatedRoleArn') {
  return assumeRoleWithWebIdentityStep('openIdToken', (demo) => demo.classicIdentityPool?.[role], {
    label: '2.5',
  });
}

export const basicFlow: Scenario = {
  id: 'basic-flow',
  title: 'Basic (classic) flow: the app calls STS itself',
  summary:
    'A user pool user gets an identity in the classic pool, GetOpenIdToken returns Cognito’s OpenID token, and the app calls AssumeRoleWithWebIdentity with a role it picks. The demo has a second identity pool for this: AWS refuses the basic flow in a pool with role mappings.',
  group: 'flows',
  identity: 'userPool',
  actors: ['app', 'userPool', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    userPoolSignIn(),
    getIdStep('userPool', {}, 'classic'),
    getOpenIdTokenStep('userPool'),
    basicFlowAssume('authenticatedRoleArn'),
    ...s3Comparison(),
  ],
};

export const basicFlowGoogle: Scenario = {
  id: 'basic-flow-google',
  title: 'Basic (classic) flow with a Google sign-in',
  summary:
    'The Google ID token goes into Logins at the classic pool; the Cognito OpenID token it yields goes to STS with the role the app picks.',
  group: 'flows',
  identity: 'google',
  actors: ['app', 'google', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    googleSignInStep(),
    getIdStep('google', {}, 'classic'),
    getOpenIdTokenStep('google'),
    basicFlowAssume('authenticatedRoleArn'),
    ...s3Comparison(),
  ],
};

export const basicFlowGuest: Scenario = {
  id: 'basic-flow-guest',
  title: 'Basic (classic) flow for a guest',
  summary:
    'No sign-in: a guest identity in the classic pool, its OpenID token (amr unauthenticated), and the guest role from STS, with no Cognito scope-down on the way.',
  group: 'flows',
  identity: 'guest',
  actors: ['app', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    getIdStep('guest', {}, 'classic'),
    getOpenIdTokenStep('guest', { label: '2.5' }),
    basicFlowAssume('unauthenticatedRoleArn'),
    ...s3Comparison(),
  ],
};

export const guestFlow: Scenario = {
  id: 'guest',
  title: 'Guest access: no sign-in at all',
  summary:
    'Skip the user pool; the identity pool gives a guest credentials for the guest role. The same three S3 calls as the signed-in flow: read public/, write its own private/ folder, write another identity’s.',
  group: 'flows',
  identity: 'guest',
  actors: ['app', 'identityPool', 'sts', 'iam', 's3'],
  steps: [getIdStep('guest'), getCredentialsStep('guest'), ...s3Comparison('guest')],
};

export const jwtToApi: Scenario = {
  id: 'jwt-to-api',
  title: 'JWT straight to API Gateway (no AWS credentials)',
  summary: 'If your app only needs the JWT, stop here: API Gateway’s Cognito authorizer checks it directly.',
  group: 'flows',
  identity: 'userPool',
  actors: ['app', 'userPool', 'apiGateway'],
  steps: [userPoolSignIn(), apiWithJwtStep('idToken')],
};

export const scopedApi: Scenario = {
  id: 'scoped-api',
  title: 'Which token does an API method with OAuth scopes want?',
  summary:
    'GET /me/scoped requires the scope aws.cognito.signin.user.admin: the ID token is refused (401), the access token is let in.',
  group: 'flows',
  identity: 'userPool',
  actors: ['app', 'userPool', 'apiGateway'],
  steps: [userPoolSignIn(), scopedApiStep('idToken'), scopedApiStep('accessToken')],
};

export const googleDirect: Scenario = {
  id: 'google-direct',
  title: 'Google straight to the identity pool',
  summary:
    'A Google ID token goes directly into Logins under accounts.google.com; no user pool is involved. Compare “Google federated through the user pool”.',
  group: 'flows',
  identity: 'google',
  actors: ['app', 'google', 'identityPool', 'sts', 'iam', 's3'],
  steps: [googleSignInStep(), getIdStep('google'), getCredentialsStep('google'), ...s3Comparison()],
};

export const samlToIdentityPool: Scenario = {
  id: 'saml',
  title: 'SAML sign-in: a corporate IdP → the identity pool',
  summary: 'ExampleCorp’s signed SAML response goes into Logins under the SAML provider ARN.',
  group: 'flows',
  identity: 'saml',
  actors: ['app', 'saml', 'identityPool', 'sts', 'iam', 's3'],
  steps: [samlSignInStep(), getIdStep('saml'), getCredentialsStep('saml'), ...s3Comparison('saml-role')],
};

/** GetId for a pool token that came from federation: the narration says what differs from going direct. */
function federatedGetId(provider: 'Google' | 'ExampleCorp') {
  const direct =
    provider === 'Google'
      ? 'accounts.google.com with the Google ID token'
      : 'the SAML provider ARN with the SAML response';
  return getIdStep('userPool', {
    narration: {
      what: `GetId sends the USER POOL’s ID token under the user pool’s key (cognito-idp.<region>.amazonaws.com/<pool id>). Going direct, the key would be ${direct}.`,
      why: `The identity pool sees a user pool user (${provider === 'Google' ? 'Google_<Google sub>' : 'ExampleCorp_<NameID>'}), so the identity is tied to the user pool sub: a different identity id from the one the direct route gets for the same person.`,
      misunderstanding:
        'The same person signing in both ways gets two identity ids unless the logins are linked. Through the user pool, role mapping can use cognito:groups and cognito:preferred_role.',
    },
  });
}

export const googleViaUserPool: Scenario = {
  id: 'google-via-user-pool',
  title: 'Google federated through the user pool (hosted domain)',
  summary:
    'Google signs the person in for the USER POOL (/oauth2/authorize → Google → /oauth2/idpresponse → /oauth2/token with PKCE); the pool’s own ID token goes to the identity pool.',
  group: 'flows',
  identity: 'google',
  actors: ['app', 'userPool', 'google', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    hostedAuthorizeStep('Google'),
    hostedGoogleSignInStep(),
    hostedIdpResponseStep('Google'),
    hostedTokenStep(),
    federatedGetId('Google'),
    getCredentialsStep('userPool'),
    ...s3Comparison(),
  ],
};

export const samlViaUserPool: Scenario = {
  id: 'saml-via-user-pool',
  title: 'SAML federated through the user pool (hosted domain)',
  summary:
    'ExampleCorp’s SAML response goes to the user pool’s /saml2/idpresponse; the pool’s own ID token then goes to the identity pool.',
  group: 'flows',
  identity: 'saml',
  actors: ['app', 'userPool', 'saml', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    hostedAuthorizeStep('ExampleCorp'),
    hostedSamlSignInStep(),
    hostedIdpResponseStep('ExampleCorp'),
    hostedTokenStep(),
    federatedGetId('ExampleCorp'),
    getCredentialsStep('userPool'),
    ...s3Comparison(),
  ],
};
