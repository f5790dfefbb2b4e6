import { jsonRequest, s3Request, stsRequest } from '../wire/aws-requests';
import { algNone } from './attack-tools/jwt-tamper';
import { getCredentialsStep, getIdStep, getOpenIdTokenStep } from './steps/identity-pool';
import { samlSignInStep } from './steps/idps';
import { apiWithJwtStep, PUBLIC_OBJECT_KEY, s3ReadPublicStep, s3WritePrivateStep } from './steps/services';
import { assumeRoleWithSamlStep, assumeRoleWithWebIdentityStep } from './steps/sts';
import { keepTokens, userPoolProviderName, userPoolSignIn } from './steps/user-pool';
import type { Scenario, ScenarioStep } from './types';

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
      refusal: "Invalid login token. Couldn't verify signed token.",
      narration: {
        what: `The attacker rewrites the header to {"alg":"none"} and drops the signature. The identity pool only accepts tokens signed with a key from the issuer’s JWKS, so it refuses: NotAuthorizedException, "Invalid login token. Couldn't verify signed token."`,
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

/** Where the victim's private file lives, kept for the attacker's later step. */
const VICTIM_KEY = 'legacy.victimKey';

export const attackLegacyTrust: Scenario = {
  id: 'attack-missing-aud',
  title: 'Attack: a role trust policy without aud/amr conditions',
  summary:
    'Alice stores a private file; a guest’s Cognito token then assumes AtlasLegacyRole, whose trust policy forgot aud and amr, and reads it.',
  group: 'attacks',
  identity: 'guest',
  people: [
    { identity: 'userPool', name: 'Alice' },
    { identity: 'guest', name: 'the attacker' },
  ],
  actors: ['app', 'userPool', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    userPoolSignIn(),
    getIdStep('userPool'),
    getCredentialsStep('userPool'),
    (() => {
      const write = s3WritePrivateStep('own', {
        id: 's3-victim-write',
        title: 'Alice writes a file to her private/ folder',
      });
      return {
        ...write,
        async run(ctx) {
          ctx.vars.extra[VICTIM_KEY] =
            `private/${ctx.need(ctx.vars.identityId, 'Alice’s identity id')}/notes.txt`;
          await write.run(ctx);
        },
      } satisfies ScenarioStep;
    })(),
    getIdStep(
      'guest',
      { id: 'attacker-get-id', title: 'The attacker gets a guest identity in the classic pool' },
      'classic',
    ),
    getOpenIdTokenStep('guest', {
      id: 'attacker-open-id-token',
      label: '2.5',
      title: 'The attacker gets a Cognito OpenID token for it',
    }),
    assumeRoleWithWebIdentityStep('openIdToken', (demo) => demo.classicIdentityPool?.authenticatedRoleArn, {
      id: 'assume-authenticated-as-guest',
      label: '3',
      title: 'A guest token tries the authenticated role: refused',
      expect: 'denied',
      refusal: 'AccessDenied',
      narration: {
        what: 'The guest’s OpenID token says amr ["unauthenticated"] and aud = the classic pool (the demo’s basic-flow pool: AWS refuses GetOpenIdToken in the main pool, which has role mappings). AtlasClassicAuthenticatedRole’s trust policy requires aud = that pool (which matches) and an amr containing "authenticated" (which does not), so no trust statement applies and STS refuses: AccessDenied, "Not authorized to perform sts:AssumeRoleWithWebIdentity".',
        why: 'The amr condition is what keeps guests out of the signed-in role in the basic flow; the aud condition keeps out every other identity pool.',
      },
    }),
    assumeRoleWithWebIdentityStep(
      'openIdToken',
      (demo) =>
        demo.iam?.legacyRoleArn ??
        (demo.accountId ? `arn:aws:iam::${demo.accountId}:role/AtlasLegacyRole` : undefined),
      {
        id: 'assume-legacy-role',
        label: '3',
        title: 'The same guest token assumes AtlasLegacyRole: accepted',
        expect: 'success',
        narration: {
          what: 'AtlasLegacyRole trusts cognito-identity.amazonaws.com with no aud and no amr condition. STS accepts the guest token. Cognito signs the OpenID tokens of EVERY identity pool, in every account, with the same issuer, so an attacker’s own pool in their own account would be accepted just the same.',
          why: 'This is the misconfiguration the conditions exist to prevent. IAM now refuses to create or update a trust policy like this one, but roles saved before that rule can still have it; AtlasLegacyRole stands for such a role in this demo.',
          misunderstanding:
            'Trusting the Cognito service principal is not trusting your pool. Always pin cognito-identity.amazonaws.com:aud and :amr.',
        },
      },
    ),
    {
      ...s3ReadPublicStep(),
      id: 's3-read-victim-file',
      title: 'With the legacy role, the guest reads Alice’s private file',
      narration: {
        what: 'In this demo AtlasLegacyRole may read the whole bucket (its inline ReadWholeBucket policy; the bucket policy denies only writes), so the anonymous guest now reads private/<Alice’s identity id>/notes.txt. The per-identity policy variable that protects Alice only appears in the identity pool roles; this role never had it.',
        why: 'A role is only as private as its trust policy: whoever can assume it gets all of its permissions.',
      },
      async run(ctx) {
        const key = ctx.need(ctx.vars.extra[VICTIM_KEY], 'the key of Alice’s private file');
        const request = await s3Request(ctx.region, ctx.demo.bucket, key, 'GET');
        await ctx.fetch(
          await ctx.sign(request, ctx.need(ctx.vars.credentials, 'the legacy role credentials'), 's3'),
        );
      },
    },
  ],
};

export const attackSamlReplay: Scenario = {
  id: 'attack-saml-replay',
  title: 'Attack: replay a captured SAML assertion',
  summary:
    'Post the same signed SAML response to STS again: accepted while it is valid. Six minutes later it is refused: its short life is what limits a stolen assertion.',
  group: 'attacks',
  identity: 'saml',
  actors: ['app', 'saml', 'sts'],
  steps: [
    samlSignInStep(),
    assumeRoleWithSamlStep(),
    assumeRoleWithSamlStep({
      id: 'assume-role-with-saml-replay',
      label: '3',
      title: 'Post the same assertion again: accepted',
      narration: {
        what: 'The same SAML response is posted a second time and STS answers with a second set of credentials. AWS STS does not remember assertions it has already taken: no AWS document promises single use, and tools such as saml2aws keep one assertion and post it several times to assume several roles.',
        why: 'A SAML assertion is a bearer token: whoever holds it, inside its validity window, is the user. Anyone who copies it from a browser, a log or a proxy can post it too.',
        misunderstanding:
          'AWS does not refuse a replayed assertion. What protects you is that the assertion is short-lived, names AWS as its audience and recipient, and only travels over HTTPS from the IdP to the browser to AWS.',
      },
    }),
    assumeRoleWithSamlStep({
      id: 'assume-role-with-saml-expired',
      label: '3',
      title: 'Six minutes later, the stolen copy is refused',
      advanceClockMs: 6 * 60 * 1000,
      expect: 'denied',
      refusal: 'Response has expired',
      narration: {
        what: 'The clock moves six minutes. The assertion’s NotOnOrAfter (five minutes after the IdP issued it) has passed, so STS refuses it: ExpiredTokenException, "Response has expired". STS also refuses any assertion more than five minutes after its IssueInstant ("Token must be redeemed within 5 minutes of issuance").',
        why: 'The validity window is the replay defence: a copy is worth something only for minutes. The audience and Recipient checks keep an assertion made for another service provider from being used at AWS, and TLS keeps it from being read in transit.',
        misunderstanding:
          'Credentials already minted from the assertion stay valid for their whole session (an hour here): expiry of the assertion does not revoke them.',
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
      refusal: 'Response signature invalid',
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

/** The user pool's second app client signs alice in; its ID token is then offered where atlas-web's is trusted. */
export const attackOtherClient: Scenario = {
  id: 'attack-other-client',
  title: 'Attack: a token issued to another app client (aud)',
  summary:
    'Sign in through atlas-other-app, then present its ID token to the identity pool (refused) and to API Gateway (accepted).',
  group: 'attacks',
  identity: 'userPool',
  actors: ['app', 'userPool', 'identityPool', 'apiGateway'],
  steps: [
    userPoolSignIn({
      id: 'other-client-sign-in',
      title: 'Sign in through the OTHER app client (atlas-other-app)',
      narration: {
        what: 'The attacker’s app uses a different app client of the same user pool, atlas-other-app. The pool signs alice in and issues an ID token whose aud is atlas-other-app’s client id.',
        why: 'Every app client of a pool gets tokens from the same issuer, signed with the same keys. Only aud (ID token) or client_id (access token) says which app they were for.',
      },
      async run(ctx) {
        const user = ctx.demo.userPool?.users?.[0];
        const response = await ctx.fetch(
          jsonRequest(ctx.region, 'cognito-idp', 'InitiateAuth', {
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: ctx.need(ctx.demo.userPool?.otherClientId, 'the second app client (atlas-other-app)'),
            AuthParameters: { USERNAME: user?.username, PASSWORD: user?.password },
          }),
        );
        await keepTokens(ctx, response);
      },
    }),
    getIdStep('userPool', {
      id: 'get-id-other-client',
      title: 'GetId with the other client’s ID token',
      expect: 'denied',
      refusal: 'Token is not from a supported provider of this identity pool.',
      narration: {
        what: 'The Logins key names the right user pool, the signature and issuer are valid, but the token’s aud is not an app client the identity pool lists in CognitoIdentityProviders, so the pool refuses: "Token is not from a supported provider of this identity pool."',
        why: 'An identity pool trusts a (user pool, app client) pair, not a whole user pool.',
      },
    }),
    apiWithJwtStep('idToken', {
      id: 'api-other-client',
      label: '2',
      title: 'The same token at API Gateway GET /me: accepted',
      narration: {
        what: 'The REST API’s Cognito user pool authorizer checks the signature against the pool’s JWKS, the issuer and the expiry. It does not compare aud with any app client, so it lets the other client’s token in: 200.',
        why: 'A COGNITO_USER_POOLS authorizer trusts the whole pool. If only one app may call the API, set the authorizer’s token validation expression to your app client id (it is matched against an ID token’s aud), check aud (or client_id) in the backend, or use an HTTP API JWT authorizer, which checks the audience.',
        misunderstanding:
          'Valid signature does not mean “meant for me”. The audience check is the receiver’s job, and not every receiver does it.',
      },
    }),
  ],
};

/** Guest credentials, then a request signed with the right key id and a made-up secret. */
export const attackForgedSignature: Scenario = {
  id: 'attack-forged-sigv4',
  title: 'Attack: a forged SigV4 signature on S3',
  summary: 'Keep a real access key id and session token, sign GetObject with a guessed secret.',
  group: 'attacks',
  identity: 'guest',
  actors: ['app', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    getIdStep('guest'),
    getCredentialsStep('guest'),
    s3ReadPublicStep({
      id: 's3-forged-signature',
      title: 'GetObject signed with a guessed secret',
      expect: 'denied',
      refusal: 'SignatureDoesNotMatch',
      narration: {
        what: 'The attacker has the access key id and session token (both travel in every request) but not the secret. S3 rebuilds the canonical request and the string to sign from what arrived, derives the signing key from the secret it holds, and gets a different signature: 403 SignatureDoesNotMatch. Open the SigV4 tab to see the canonical request both sides hashed.',
        why: 'The secret never leaves the client; only an HMAC derived from it does. Without it, no one can make a signature the server will accept, and the signed date limits a captured request to a few minutes of replay (S3 allows 15 minutes of clock skew).',
        misunderstanding:
          'Seeing a request on the wire does not let you make new ones: the access key id is only a name.',
      },
      async run(ctx) {
        const credentials = ctx.need(ctx.vars.credentials, 'guest credentials');
        const forged = {
          ...credentials,
          secretAccessKey: `${credentials.secretAccessKey.slice(0, -6)}Forged`,
        };
        const request = await s3Request(ctx.region, ctx.demo.bucket, PUBLIC_OBJECT_KEY, 'GET');
        await ctx.fetch(await ctx.sign(request, forged, 's3'));
      },
    }),
  ],
};

/** Credentials copied off a device keep working until Expiration, and not a second longer. */
export const attackStolenSessionToken: Scenario = {
  id: 'attack-stolen-credentials',
  title: 'Attack: stolen session credentials used after expiry',
  summary: 'A thief copies guest credentials, uses them at once (it works), then again after Expiration.',
  group: 'attacks',
  identity: 'guest',
  actors: ['app', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    getIdStep('guest'),
    getCredentialsStep('guest'),
    s3ReadPublicStep({
      id: 's3-stolen-now',
      title: 'The thief uses the copied credentials at once',
      narration: {
        what: 'The thief copies AccessKeyId, SecretKey and SessionToken off the device and signs GetObject with them from elsewhere. S3 accepts: nothing ties temporary credentials to a device or an IP address unless a policy says so.',
        why: 'Temporary credentials are bearer secrets until they expire. That is why they are short-lived.',
      },
    }),
    s3ReadPublicStep({
      id: 's3-stolen-expired',
      title: 'The thief tries again after Expiration',
      advanceClockMs: 61 * 60 * 1000,
      expect: 'denied',
      refusal: 'ExpiredToken',
      narration: {
        what: 'The simulation clock moves 61 minutes, past the credentials’ Expiration (one hour after GetCredentialsForIdentity). The signature is still correct, but S3 refuses the session token: 400 ExpiredToken, "The provided token has expired."',
        why: 'Expiry is the only thing that ends issued credentials on its own. Revoking earlier takes an explicit deny on the role (aws:TokenIssueTime), not a sign-out.',
        misunderstanding:
          'Signing the user out of the app does not invalidate credentials already handed out.',
      },
    }),
  ],
};

/** Two Assertions in one Response: the signed one, and an unsigned copy naming someone else. */
export const attackWrappedSaml: Scenario = {
  id: 'attack-saml-wrapped',
  title: 'Attack: a wrapped SAML assertion (signature wrapping)',
  summary: 'Keep the signed assertion, add a forged unsigned one before it, post both to STS.',
  group: 'attacks',
  identity: 'saml',
  actors: ['app', 'saml', 'sts'],
  steps: [
    samlSignInStep(),
    assumeRoleWithSamlStep({
      id: 'assume-role-with-saml-wrapped',
      title: 'Post a Response with a forged Assertion wrapped around the signed one',
      expect: 'denied',
      refusal: 'A Response must carry exactly one Assertion, found 2',
      narration: {
        what: 'The attacker copies the signed Assertion, changes the copy’s ID and NameID, removes its Signature and puts it first in the Response, keeping the genuine signed Assertion after it. A verifier that checks "some signature is valid" and then reads "the first Assertion" would accept the forged identity. The simulated STS accepts only a Response with exactly one Assertion, the one the signature covers, and refuses (AWS documents no message for this case; the text is the simulator’s).',
        why: 'XML signature wrapping attacks exploit the gap between what was verified and what is read. The fix is to read only the element the signature references.',
      },
      async run(ctx) {
        const original = atob(ctx.need(ctx.vars.samlResponse, 'the SAML response'));
        const start = original.indexOf('<saml:Assertion');
        const end = original.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length;
        const signed = original.slice(start, end);
        const forged = signed
          .replace(/ID="[^"]+"/, 'ID="_forged-assertion"')
          .replace(/<(ds:)?Signature[\s\S]*?<\/(ds:)?Signature>/, '')
          .replace(/(<saml:NameID[^>]*>)[^<]*/, '$1administrator');
        const wrapped = `${original.slice(0, start)}${forged}${original.slice(start)}`;
        const response = await ctx.fetch(
          stsRequest(ctx.region, 'AssumeRoleWithSAML', {
            RoleArn: ctx.demo.saml?.roleArn,
            PrincipalArn: ctx.demo.saml?.providerArn,
            SAMLAssertion: btoa(wrapped),
          }),
        );
        await response.text();
      },
    }),
  ],
};
