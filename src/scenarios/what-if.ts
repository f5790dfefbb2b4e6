import { jsonRequest, stsRequest } from '../client/aws-requests';
import { tamperClaim } from '../client/jwt-tamper';
import { getCredentialsStep, getIdStep } from './steps/identity-pool';
import { apiWithJwtStep, s3ReadPublicStep, ssmGetParameterStep } from './steps/services';
import { userPoolSignIn } from './steps/user-pool';
import type { Scenario } from './types';

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
      narration: {
        what: 'The app adds "cognito:groups": ["admins"] to the ID token’s payload and keeps the old signature. The authorizer recomputes the RS256 signature check over header.payload and it fails.',
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
      returns: 'data',
      operation: 'GetUser',
      expect: 'denied',
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
      title: 'Call S3 61 minutes later',
      advanceClockMs: 61 * 60 * 1000,
      expect: 'denied',
      narration: {
        what: 'The simulation clock jumps 61 minutes. The identity pool’s credentials lasted one hour, so S3 refuses the session token as expired.',
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
  steps: [getIdStep('guest'), getCredentialsStep('guest'), ssmGetParameterStep()],
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
      narration: {
        what: 'The key id is real, but the secret used to sign is not. STS recomputes the signature with the secret it holds and the two differ: SignatureDoesNotMatch.',
        why: 'The secret never travels; only a signature derived from it does. The server repeats the derivation and compares.',
        misunderstanding: 'An access key id alone is not a credential; it is only an id.',
      },
      code: () => ({
        sdk: 'new STSClient({ credentials: { accessKeyId, secretAccessKey: "wrong" } })',
        cli: 'AWS_SECRET_ACCESS_KEY=wrong aws sts get-caller-identity',
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

export const guestsDisabled: Scenario = {
  id: 'what-if-guests-disabled',
  title: 'What if guest access is turned off on the pool?',
  summary:
    'An administrator sets AllowUnauthenticatedIdentities to false; a visitor then asks for a guest identity.',
  group: 'what-if',
  identity: 'guest',
  actors: ['developer', 'app', 'identityPool'],
  steps: [
    {
      id: 'disable-guests',
      label: '0',
      title: 'An admin disables guest access (UpdateIdentityPool)',
      from: 'developer',
      to: 'identityPool',
      packet: 'signedRequest',
      returns: 'data',
      operation: 'UpdateIdentityPool',
      expect: 'success',
      narration: {
        what: 'The developer, signed with IAM user keys, updates the identity pool with AllowUnauthenticatedIdentities false.',
        why: 'Guest access is a switch on the identity pool, not on the user pool, and not on the role.',
      },
      code: (demo) => ({
        sdk: `await identity.send(new UpdateIdentityPoolCommand({
  IdentityPoolId: '${demo.identityPool?.id ?? '<identity pool id>'}',
  IdentityPoolName: 'atlas_identities',
  AllowUnauthenticatedIdentities: false,
  AllowClassicFlow: true,
}));`,
        cli: `aws cognito-identity update-identity-pool --identity-pool-id ${demo.identityPool?.id ?? '<identity pool id>'} \\
  --identity-pool-name atlas_identities --no-allow-unauthenticated-identities --allow-classic-flow`,
      }),
      async run(ctx) {
        const user = ctx.need(ctx.demo.iamUser, 'the demo IAM user');
        const request = jsonRequest(ctx.region, 'cognito-identity', 'UpdateIdentityPool', {
          IdentityPoolId: ctx.demo.identityPool?.id,
          IdentityPoolName: 'atlas_identities',
          AllowUnauthenticatedIdentities: false,
          AllowClassicFlow: true,
        });
        await ctx.fetch(await ctx.sign(request, user, 'cognito-identity'));
      },
    },
    getIdStep('guest', {
      label: '2.5',
      expect: 'denied',
      narration: {
        what: 'GetId without Logins now fails: "Unauthenticated access is not supported for this identity pool."',
        why: 'Without guest access, every identity must come with a login from a trusted provider.',
        misunderstanding: 'The same message appears when a signed-in app forgets to send Logins.',
      },
    }),
  ],
};
