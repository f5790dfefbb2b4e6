import { jsonRequest, stsRequest } from '../client/aws-requests';
import { algNone } from '../client/jwt-tamper';
import { getIdStep, getOpenIdTokenStep } from './steps/identity-pool';
import { samlSignInStep } from './steps/idps';
import { assumeRoleWithSamlStep, assumeRoleWithWebIdentityStep } from './steps/sts';
import { userPoolProviderName, userPoolSignIn } from './steps/user-pool';
import type { Scenario } from './types';

/** Attack mode: each attack ends in the engine's exact refusal (or, for the misconfigured role, a warning). */

export const attackAlgNone: Scenario = {
  id: 'attack-alg-none',
  title: 'Attack: a JWT with alg "none"',
  summary: 'Strip the signature, claim alg none, and offer the token to the identity pool.',
  group: 'attacks',
  identity: 'userPool',
  actors: ['app', 'userPool', 'identityPool'],
  steps: [
    userPoolSignIn(),
    getIdStep('userPool', {
      id: 'get-id-alg-none',
      title: 'GetId with an unsigned (alg none) ID token',
      expect: 'denied',
      narration: {
        what: 'The attacker rewrites the header to {"alg":"none"} and drops the signature. The identity pool only accepts tokens signed with a key from the issuer’s JWKS, so it refuses.',
        why: 'Verifiers must pin the algorithm they expect (RS256 for user pools) and never let the token choose.',
      },
      async run(ctx) {
        const forged = algNone(ctx.need(ctx.vars.idToken, 'the ID token'));
        await ctx.fetch(
          jsonRequest(ctx.region, 'cognito-identity', 'GetId', {
            IdentityPoolId: ctx.demo.identityPool?.id,
            Logins: { [userPoolProviderName(ctx.demo)]: forged },
          }),
        );
      },
    }),
  ],
};

export const attackLegacyTrust: Scenario = {
  id: 'attack-missing-aud',
  title: 'Attack: a role trust policy without aud/amr conditions',
  summary: 'A guest’s Cognito token assumes AtlasLegacyRole, whose trust policy forgot aud and amr.',
  group: 'attacks',
  identity: 'guest',
  actors: ['app', 'identityPool', 'sts', 'iam'],
  steps: [
    getIdStep('guest'),
    getOpenIdTokenStep('guest', { label: '2.5' }),
    assumeRoleWithWebIdentityStep('openIdToken', (demo) => demo.identityPool?.authenticatedRoleArn, {
      id: 'assume-authenticated-as-guest',
      label: '3',
      title: 'A guest token tries the authenticated role',
      expect: 'denied',
      narration: {
        what: 'The guest’s OpenID token says amr ["unauthenticated"]. AtlasAuthenticatedRole’s trust policy requires amr "authenticated" (and aud = this pool), so STS refuses.',
        why: 'The amr condition is what keeps guests out of the signed-in role in the basic flow.',
      },
    }),
    assumeRoleWithWebIdentityStep(
      'openIdToken',
      (demo) => (demo.accountId ? `arn:aws:iam::${demo.accountId}:role/AtlasLegacyRole` : undefined),
      {
        id: 'assume-legacy-role',
        label: '3',
        title: 'The same guest token assumes AtlasLegacyRole',
        expect: 'success',
        narration: {
          what: 'AtlasLegacyRole trusts cognito-identity.amazonaws.com with no aud and no amr condition. STS accepts the guest token: any identity, of any identity pool in any account, signed in or not, can now become this role.',
          why: 'This is the misconfiguration the conditions exist to prevent. IAM warns about it when you create such a role in the console.',
          misunderstanding:
            'Trusting the Cognito service principal is not trusting your pool. Always pin cognito-identity.amazonaws.com:aud and :amr.',
        },
      },
    ),
  ],
};

export const attackSamlReplay: Scenario = {
  id: 'attack-saml-replay',
  title: 'Attack: replay a SAML assertion',
  summary: 'Send the same signed SAML response to STS twice.',
  group: 'attacks',
  identity: 'saml',
  actors: ['app', 'saml', 'sts'],
  steps: [
    samlSignInStep(),
    assumeRoleWithSamlStep(),
    assumeRoleWithSamlStep({
      id: 'assume-role-with-saml-replay',
      label: '3',
      title: 'Replay the same assertion',
      expect: 'denied',
      narration: {
        what: 'The same SAML response is posted again. STS remembers assertion ids it has accepted and refuses the replay.',
        why: 'A captured assertion must not be usable twice, even inside its validity window.',
      },
    }),
  ],
};

export const attackTamperedSaml: Scenario = {
  id: 'attack-saml-tampered',
  title: 'Attack: a tampered SAML assertion',
  summary: 'Change the user name inside the signed XML and post it to STS.',
  group: 'attacks',
  identity: 'saml',
  actors: ['app', 'saml', 'sts'],
  steps: [
    samlSignInStep(),
    assumeRoleWithSamlStep({
      id: 'assume-role-with-saml-tampered',
      title: 'Post an edited SAML assertion',
      expect: 'denied',
      narration: {
        what: 'One attribute value in the signed XML is changed. The XML signature’s digest no longer matches, so STS refuses the assertion.',
        why: 'The IdP’s signature covers the assertion; any change breaks it.',
      },
      async run(ctx) {
        const original = atob(ctx.need(ctx.vars.samlResponse, 'the SAML response'));
        const user = ctx.demo.saml?.users?.[0]?.username ?? '';
        const edited =
          user && original.includes(user)
            ? original.replace(user, `${user}x`)
            : original.replace('<saml', '<saml ');
        const response = await ctx.fetch(
          stsRequest(ctx.region, 'AssumeRoleWithSAML', {
            RoleArn: ctx.demo.saml?.roleArn,
            PrincipalArn: ctx.demo.saml?.providerArn,
            SAMLAssertion: btoa(edited),
          }),
        );
        await response.text();
      },
    }),
  ],
};
