import { getCredentialsStep, getIdStep } from './steps/identity-pool';
import { apiWithJwtStep, s3ReadPublicStep } from './steps/services';
import { getUserStep, globalSignOutStep, refreshStep, userPoolSignIn } from './steps/user-pool';
import type { Scenario } from './types';

/**
 * "What still works after sign-out": each probe after GlobalSignOut is a real call, and the table in
 * the UI is filled from their answers. docs/aws-reference.md §1.9 and §11.6.
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
      narration: {
        what: 'After GlobalSignOut the app tries to refresh: InitiateAuth (REFRESH_TOKEN_AUTH) with the refresh token. The user pool refuses: NotAuthorizedException, "Refresh Token has been revoked".',
        why: 'The refresh token is the only thing that can mint new ID and access tokens without the password, so sign-out revokes it at the source.',
        misunderstanding:
          'This is the one part of the session that sign-out really ends everywhere: no new ID or access tokens. An ID token issued before sign-out can still be traded for fresh AWS credentials until it expires, unless the identity pool checks tokens with the user pool (ServerSideTokenCheck, off in this demo).',
      },
    }),
    getUserStep({
      id: 'probe-access-token',
      label: '5',
      title: 'Probe: the access token at Cognito (GetUser)',
      expect: 'denied',
      refusal: 'Access Token has been revoked',
      narration: {
        what: 'The app calls GetUser with the access token issued before sign-out. Its signature and exp are still fine, but the user pool checks its own revocation list and refuses: NotAuthorizedException, "Access Token has been revoked".',
        why: 'Only the issuer knows about the sign-out, so only the user pool’s own APIs (GetUser, UpdateUserAttributes …) see the token as revoked.',
        misunderstanding:
          'A revoked access token is still a validly signed JWT until exp; any verifier that checks it offline will accept it.',
      },
    }),
    apiWithJwtStep('idToken', {
      id: 'probe-id-token',
      label: '5',
      title: 'Probe: the ID token at API Gateway',
      narration: {
        what: 'The app calls GET /me with the ID token issued before sign-out. API Gateway’s Cognito authorizer checks only the signature (JWKS), the issuer and exp, so it still answers 200.',
        why: 'The authorizer verifies the JWT offline; it does not ask the user pool whether the user signed out.',
        misunderstanding:
          'Sign-out does not revoke a JWT for offline verifiers: it stays usable until exp (an hour by default). Keep token lifetimes short if that matters.',
      },
    }),
    s3ReadPublicStep({
      id: 'probe-credentials',
      label: '5',
      title: 'Probe: the AWS credentials at S3',
      narration: {
        what: 'The app signs GetObject with the AWS credentials the identity pool issued before sign-out. S3 checks the signature and the session token’s expiry, IAM allows public/* reads, and the object comes back: 200.',
        why: 'Temporary AWS credentials are not tied to the user pool session; nothing in GlobalSignOut reaches STS or IAM.',
        misunderstanding:
          'Issued AWS credentials keep working until their Expiration (one hour here). Cutting them short takes an IAM deny on the role (aws:TokenIssueTime), not a sign-out.',
      },
    }),
  ],
};

/** Which probe rows the table shows, in order, with the plain question each answers. */
export const SIGN_OUT_PROBES = [
  { stepId: 'probe-refresh', thing: 'Refresh token', where: 'Cognito InitiateAuth (REFRESH_TOKEN_AUTH)' },
  { stepId: 'probe-access-token', thing: 'Access token', where: 'Cognito GetUser' },
  { stepId: 'probe-id-token', thing: 'ID token', where: 'API Gateway Cognito authorizer' },
  { stepId: 'probe-credentials', thing: 'AWS credentials', where: 'S3 GetObject (SigV4)' },
] as const;
