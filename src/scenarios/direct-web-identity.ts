import { getCredentialsStep, getIdStep } from './steps/identity-pool';
import { googleSignInStep } from './steps/idps';
import { assumeRoleWithWebIdentityStep, getCallerIdentityStep } from './steps/sts';
import type { Scenario } from './types';

/**
 * "Why not call AssumeRoleWithWebIdentity from the app?" The same Google sign-in, first straight to STS
 * with a role ARN the app carries, then through the identity pool; each step's narration names what
 * the direct call gives up (IAM User Guide, "OIDC federation": AWS recommends Cognito identity pools
 * for mobile and web apps instead of calling AssumeRoleWithWebIdentity directly).
 */

export const directWebIdentityVsPool: Scenario = {
  id: 'why-not-direct-web-identity',
  title: 'Why not call AssumeRoleWithWebIdentity from the app?',
  summary:
    'One Google sign-in, two ways: straight to STS with a role ARN built into the app, then through the identity pool. Both give credentials; only one gives an identity.',
  group: 'flows',
  identity: 'google',
  actors: ['app', 'google', 'identityPool', 'sts', 'iam'],
  steps: [
    googleSignInStep(),
    assumeRoleWithWebIdentityStep('googleIdToken', (demo) => demo.webIdentityRoleArn, {
      id: 'direct-assume-role-with-web-identity',
      title: 'Directly: the app sends the Google token to STS with its own role ARN',
      narration: {
        what: 'The app calls STS AssumeRoleWithWebIdentity itself, unsigned, with the Google ID token and the ARN of AtlasWebIdentityRole, which is compiled into the app. STS checks the role’s trust policy (accounts.google.com, aud = the app’s Google client id) and returns credentials for that one role.',
        why: 'It works, and nothing in AWS remembers this person: the session is named by the app (atlas-web), there is no identity id, no guest path (STS needs a token, so an anonymous visitor gets nothing) and no Cognito Sync dataset to keep.',
        misunderstanding:
          'Direct web identity looks simpler but moves AWS configuration into the app: the role ARN and the choice of role ship in every copy of it; each provider (Google, Facebook, a user pool) needs its own trust statement and its own token handling; a user who signs in with two providers is two unrelated sessions; changing roles (role mapping by group or claim) means shipping a new app.',
      },
    }),
    getCallerIdentityStep({
      id: 'direct-who-am-i',
      label: '2',
      title: 'Who is that? Only a role session the app named',
      narration: {
        what: 'GetCallerIdentity with the direct credentials: assumed-role/AtlasWebIdentityRole/atlas-web. The ARN carries the role and the session name the app chose, not a stable id for the person.',
        why: 'To keep per-user data (an S3 prefix, a Sync dataset) the app would have to invent its own user key from the Google sub, and a second provider would give a second, unrelated key.',
        misunderstanding:
          // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
          'With direct web identity a policy can use ${accounts.google.com:sub}, which exists only for Google; the identity pool’s ${cognito-identity.amazonaws.com:sub} is one id per person whatever provider they used.',
      },
    }),
    getIdStep('google', {
      id: 'pool-get-id',
      label: '3',
      title: 'Through the identity pool: the same Google token gets an identity id',
      narration: {
        what: 'The same Google ID token goes to GetId under Logins accounts.google.com. The identity pool checks it against the providers configured in the pool (not in the app) and answers with an identity id for this person.',
        why: 'The pool keeps the provider trust: Google, the user pool, SAML and a developer provider can all be linked to the same identity id, and guests get one too when the pool allows them.',
        misunderstanding:
          'The identity id is stable across sign-ins, and across providers once their logins are linked to the same identity; it is what Cognito Sync datasets and per-user policies key on. Direct STS gives you nothing like it.',
      },
    }),
    getCredentialsStep('google', {
      id: 'pool-get-credentials',
      label: '3',
      title: 'Through the identity pool: the pool picks the role',
      narration: {
        what: 'GetCredentialsForIdentity with the identity id and the Google token. The pool chooses the role (here its default authenticated role; role mapping could choose by claim or group), calls STS AssumeRoleWithWebIdentity with its own Cognito token, and returns credentials.',
        why: 'No role ARN is in the app: an administrator changes roles and rules in the pool and every installed app follows. STS is still used, but by Cognito, behind the pool.',
        misunderstanding:
          'The identity pool does not replace STS; it calls it for you, adds role mapping, guests and (for guests) the scope-down policies, and keeps one identity per person.',
      },
    }),
  ],
};
