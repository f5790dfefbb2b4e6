import { jsonRequest, stsRequest } from '../wire/aws-requests';
import { tamperClaim } from './attack-tools/jwt-tamper';
import { getCredentialsStep, getIdStep, getOpenIdTokenStep } from './steps/identity-pool';
import { apiWithJwtStep, s3ReadPublicStep, ssmGetParameterStep } from './steps/services';
import { userPoolProviderName, userPoolSignIn } from './steps/user-pool';
import type { Demo } from '../sim/index';
import type { Scenario, ScenarioStep } from './types';

/** "What if" controls: each breaks one thing on purpose; the engine's answer is the lesson. */

export const tamperedToken: Scenario = {
  id: 'what-if-tampered-token',
  title: 'What if someone edits the token’s payload?',
  summary: 'Change cognito:groups in the ID token and send it to API Gateway.',
  group: 'what-if',
  identity: 'userPool',
  actors: ['app', 'userPool', 'apiGateway'],
  steps: [
    userPoolSignIn(),
    apiWithJwtStep('idToken', {
      id: 'api-tampered',
      label: '2',
      title: 'Send an edited ID token to API Gateway',
      expect: 'denied',
      refusal: '401',
      narration: {
        what: 'The app rewrites the ID token’s "cognito:groups" claim to ["admins"] and keeps the old signature. The authorizer checks the RS256 signature over header.payload against the pool’s public key, and it fails: 401 Unauthorized.',
        why: 'A JWT is signed, not encrypted: anyone can read and edit the claims, but no one without the user pool’s private key can make a matching signature.',
        misunderstanding:
          'Base64url is encoding, not protection; the signature is what makes claims trustworthy.',
      },
      async run(ctx) {
        const token = tamperClaim(ctx.need(ctx.vars.idToken, 'the ID token'), 'cognito:groups', ['admins']);
        await ctx.fetch(new Request(`${ctx.demo.api?.url}/me`, { headers: { authorization: token } }));
      },
    }),
  ],
};

export const idTokenAsAccessToken: Scenario = {
  id: 'what-if-wrong-token',
  title: 'What if the ID token is used where the access token is required?',
  summary: 'Call GetUser with the ID token.',
  group: 'what-if',
  identity: 'userPool',
  actors: ['app', 'userPool'],
  steps: [
    userPoolSignIn(),
    {
      ...userPoolSignIn(),
      id: 'get-user-with-id-token',
      label: '2',
      title: 'GetUser with the ID token',
      packet: 'jwt',
      sends: 'ID token',
      returns: 'data',
      operation: 'GetUser',
      expect: 'denied',
      refusal: 'Invalid Access Token',
      narration: {
        what: 'GetUser wants an access token (token_use "access" with the aws.cognito.signin.user.admin scope). Given the ID token, the user pool refuses.',
        why: 'Each token has one job: the ID token says who the user is (for your app and the identity pool); the access token authorises calls.',
        misunderstanding:
          'Access tokens carry client_id and username; ID tokens carry aud and cognito:username.',
      },
      code: (demo) => ({
        sdk: 'await idp.send(new GetUserCommand({ AccessToken: idToken })); // wrong token on purpose',
        cli: `aws cognito-idp get-user --region ${demo.region} --access-token "$ID_TOKEN"`,
      }),
      async run(ctx) {
        const token = ctx.need(ctx.vars.idToken, 'the ID token');
        await ctx.fetch(jsonRequest(ctx.region, 'cognito-idp', 'GetUser', { AccessToken: token }));
      },
    },
  ],
};

export const clockPastExpiry: Scenario = {
  id: 'what-if-expired',
  title: 'What if the clock passes the credentials’ expiry?',
  summary: 'Get credentials, move the clock forward 61 minutes, call S3 again.',
  group: 'what-if',
  identity: 'userPool',
  actors: ['app', 'userPool', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    userPoolSignIn(),
    getIdStep('userPool'),
    getCredentialsStep('userPool'),
    s3ReadPublicStep({
      id: 's3-after-expiry',
      title: 'Call S3 after the clock jumps 61 minutes',
      advanceClockMs: 61 * 60 * 1000,
      expect: 'denied',
      refusal: 'ExpiredToken',
      narration: {
        what: 'The simulation clock jumps 61 minutes further (on top of any minutes you added with the clock buttons). The identity pool’s credentials lasted one hour from when they were issued, so S3 refuses the session token as expired.',
        why: 'Temporary credentials end at their Expiration; the SDK refreshes them by calling the identity pool again, which needs an ID token that is still valid.',
        misunderstanding:
          'Nothing revokes issued AWS credentials early when a user signs out; expiry is what ends them.',
      },
    }),
  ],
};

export const guestOutsideList: Scenario = {
  id: 'what-if-guest-ssm',
  title: 'What if a guest calls a service outside the guest list?',
  summary: 'The guest role allows ssm:GetParameter, but Cognito’s scope-down session policy does not.',
  group: 'what-if',
  identity: 'guest',
  actors: ['app', 'identityPool', 'sts', 'iam', 'ssm'],
  steps: [
    getIdStep('guest'),
    getCredentialsStep('guest'),
    ssmGetParameterStep({ refusal: 'because no session policy allows the ssm:GetParameter action' }),
  ],
};

export const wrongSecret: Scenario = {
  id: 'what-if-wrong-secret',
  title: 'What if STS is called with the wrong secret?',
  summary: 'Sign GetCallerIdentity with the right key id and a wrong secret.',
  group: 'what-if',
  identity: 'iamUser',
  actors: ['developer', 'sts'],
  steps: [
    {
      id: 'sts-wrong-secret',
      label: '1',
      title: 'GetCallerIdentity signed with a wrong secret',
      from: 'developer',
      to: 'sts',
      packet: 'signedRequest',
      returns: 'data',
      operation: 'GetCallerIdentity',
      expect: 'denied',
      refusal: 'SignatureDoesNotMatch',
      narration: {
        what: 'The key id is real, but the secret used to sign is not. STS recomputes the signature with the secret it holds and the two differ: SignatureDoesNotMatch.',
        why: 'The secret never travels; only a signature derived from it does. The server repeats the derivation and compares.',
        misunderstanding: 'An access key id alone is not a credential; it is only an id.',
      },
      code: (demo) => ({
        sdk: `const sts = new STSClient({
  region: '${demo.region}',
  credentials: { accessKeyId: '${demo.iamUser?.accessKeyId ?? 'AKIA…'}', secretAccessKey: 'wrong' },
});
await sts.send(new GetCallerIdentityCommand({})); // SignatureDoesNotMatch`,
        // Both variables: the CLI takes keys from the environment only when the key id is there too.
        cli: `AWS_ACCESS_KEY_ID=${demo.iamUser?.accessKeyId ?? 'AKIA…'} AWS_SECRET_ACCESS_KEY=wrong aws sts get-caller-identity`,
      }),
      async run(ctx) {
        const user = ctx.need(ctx.demo.iamUser, 'the demo IAM user');
        const wrong = {
          accessKeyId: user.accessKeyId,
          secretAccessKey: `${user.secretAccessKey.slice(0, -4)}XXXX`,
        };
        await ctx.fetch(await ctx.sign(stsRequest(ctx.region, 'GetCallerIdentity', {}), wrong, 'sts'));
      },
    },
  ],
};

/** UpdateIdentityPool signed with the IAM user's long-term keys, the demo pool's settings with guests on or off. */
function setGuestAccessStep(allow: boolean): ScenarioStep {
  const flag = allow ? '--allow-unauthenticated-identities' : '--no-allow-unauthenticated-identities';
  return {
    id: allow ? 'enable-guests' : 'disable-guests',
    label: allow ? '3' : '0',
    title: allow
      ? 'The admin turns guest access back on (UpdateIdentityPool)'
      : 'An admin disables guest access (UpdateIdentityPool)',
    from: 'developer',
    to: 'identityPool',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'UpdateIdentityPool',
    expect: 'success',
    narration: allow
      ? {
          what: 'The same signed call with AllowUnauthenticatedIdentities true. The answer is the pool’s whole configuration.',
          why: 'Restarting the scenario also restores it: every replay starts from a fresh demo world.',
        }
      : {
          what: 'The developer, signed with the IAM user’s long-term keys (SigV4, service cognito-identity), sends UpdateIdentityPool with AllowUnauthenticatedIdentities false. IAM checks cognito-identity:UpdateIdentityPool on the pool’s ARN first.',
          why: 'Guest access is a switch on the identity pool, not on the user pool and not on the role.',
          misunderstanding:
            'UpdateIdentityPool replaces the whole configuration: any member you leave out (providers, AllowClassicFlow…) is reset to its default. Send everything you want to keep.',
        },
    code: (demo) => ({
      sdk: `await identity.send(new UpdateIdentityPoolCommand({
  IdentityPoolId: '${demo.identityPool?.id ?? '<identity pool id>'}',
  IdentityPoolName: 'atlas_identities',
  AllowUnauthenticatedIdentities: ${allow},
  AllowClassicFlow: true,
  // …and every provider the pool should keep: omitted members are reset.
}));`,
      cli: `aws cognito-identity update-identity-pool --identity-pool-id ${demo.identityPool?.id ?? '<identity pool id>'} \\
  --identity-pool-name atlas_identities ${flag} --allow-classic-flow \\
  --supported-login-providers accounts.google.com=${demo.google?.clientId ?? '<google client id>'} …`,
    }),
    async run(ctx) {
      const user = ctx.need(ctx.demo.iamUser, 'the demo IAM user');
      const request = jsonRequest(
        ctx.region,
        'cognito-identity',
        'UpdateIdentityPool',
        demoPoolSettings(ctx.demo, allow),
      );
      await ctx.fetch(await ctx.sign(request, user, 'cognito-identity'));
    },
  };
}

/** The demo pool's configuration as UpdateIdentityPool takes it (team brief: the demo world). */
function demoPoolSettings(demo: Demo, allowGuests: boolean) {
  return {
    IdentityPoolId: demo.identityPool?.id,
    IdentityPoolName: 'atlas_identities',
    AllowUnauthenticatedIdentities: allowGuests,
    AllowClassicFlow: true,
    SupportedLoginProviders: { 'accounts.google.com': demo.google?.clientId },
    DeveloperProviderName: 'login.identity-atlas.demo',
    CognitoIdentityProviders: [
      {
        ProviderName: userPoolProviderName(demo),
        ClientId: demo.userPool?.clientId,
        ServerSideTokenCheck: false,
      },
    ],
    SamlProviderARNs: [demo.saml?.providerArn],
  };
}

export const guestsDisabled: Scenario = {
  id: 'what-if-guests-disabled',
  title: 'What if guest access is turned off on the pool?',
  summary:
    'An administrator sets AllowUnauthenticatedIdentities to false; a visitor then asks for a guest identity. Then guests are turned back on.',
  group: 'what-if',
  identity: 'guest',
  people: [
    { identity: 'iamUser', name: 'an administrator' },
    { identity: 'guest', name: 'a visitor' },
  ],
  actors: ['developer', 'app', 'identityPool', 'iam'],
  steps: [
    setGuestAccessStep(false),
    getIdStep('guest', {
      id: 'get-id-guests-off',
      label: '2.5',
      title: 'A visitor asks for a guest identity: refused',
      expect: 'denied',
      refusal: 'Unauthenticated access is not supported for this identity pool.',
      narration: {
        what: 'GetId without Logins now fails: NotAuthorizedException, "Unauthenticated access is not supported for this identity pool."',
        why: 'Without guest access, every identity must come with a login from a trusted provider.',
        misunderstanding: 'The same message appears when a signed-in app forgets to send Logins.',
      },
    }),
    setGuestAccessStep(true),
    getIdStep('guest', {
      id: 'get-id-guests-on',
      label: '2.5',
      title: 'Guests are back: GetId answers again',
    }),
  ],
};

export const basicFlowWithRoleMappings: Scenario = {
  id: 'what-if-basic-flow-role-mappings',
  title: 'What if the basic flow is tried in a pool with role mappings?',
  summary:
    'A guest of the main identity pool asks for a Cognito OpenID token (GetOpenIdToken). The pool has role mappings, so AWS refuses: that is why the demo has a second pool for the basic flow.',
  group: 'what-if',
  identity: 'guest',
  actors: ['app', 'identityPool'],
  steps: [
    getIdStep('guest'),
    getOpenIdTokenStep('guest', {
      id: 'get-open-id-token-role-mapped',
      label: '2.5',
      title: 'GetOpenIdToken in the role-mapped pool: refused',
      expect: 'denied',
      refusal: 'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.',
      narration: {
        what: 'GetOpenIdToken fails with InvalidParameterException, "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow." The main pool maps user pool logins to roles by token (cognito:preferred_role), and AWS refuses the basic flow for the whole pool: for guests, for Google users who have no mapping, for every caller, before it even reads the logins.',
        why: 'In the basic flow the app picks the role and calls STS itself, so the pool’s role mappings could never be applied; AWS does not let a pool have both. The demo therefore has two identity pools: atlas_identities (enhanced flow, role mappings, SAML) and atlas_classic_identities (basic flow allowed, no role mappings) with its own pair of roles whose trust policies name its own pool id.',
        misunderstanding:
          'AllowClassicFlow true is not enough: a pool with any RoleMappings still refuses GetOpenIdToken. And SAML logins never get the basic flow ("Basic (classic) flow is not supported with SAML, please use enhanced flow."), whatever the pool.',
      },
    }),
  ],
};
