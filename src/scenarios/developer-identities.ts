import { readJson } from '../wire/aws-responses';
import { jsonRequest } from '../wire/aws-requests';
import { credentialsFromIdentityPool } from '../wire/credentials';
import { s3WritePrivateStep } from './steps/services';
import type { Scenario, ScenarioStep } from './types';

/**
 * The demo pools' DeveloperProviderName (src/sim/demo/identity-pool.ts, also exported by the engine as
 * DEMO_DEVELOPER_PROVIDER). Written out here because a value import of the engine from a scenario would
 * pull the whole engine into the first page's bundle; scenarios reach the engine only through `ctx`.
 */
const DEMO_DEVELOPER_PROVIDER = 'login.identity-atlas.demo';

/**
 * Developer-authenticated identities (Cognito identity pools guide, "Developer-authenticated
 * identities"): your own backend, signed with IAM credentials, asks the identity pool for an OpenID
 * token for one of its user ids; the app uses that token under the login key
 * `cognito-identity.amazonaws.com`. No third-party IdP is involved.
 */

/** The backend's own user id for the person (any string up to 1024 characters). */
const BACKEND_USER_ID = 'user-42';
const COGNITO_LOGIN = 'cognito-identity.amazonaws.com';

const backendGetsToken: ScenarioStep = {
  id: 'backend-open-id-token-for-developer',
  label: '1',
  title: 'Your backend asks for a token for its user (GetOpenIdTokenForDeveloperIdentity)',
  from: 'developer',
  to: 'identityPool',
  packet: 'signedRequest',
  returns: 'openIdToken',
  via: ['iam'],
  operation: 'GetOpenIdTokenForDeveloperIdentity',
  expect: 'success',
  narration: {
    what: `After the person signs in to your own system, your backend signs GetOpenIdTokenForDeveloperIdentity with IAM credentials (the demo IAM user’s keys; its policy allows cognito-identity:* on this pool) and sends Logins { "${DEMO_DEVELOPER_PROVIDER}": "${BACKEND_USER_ID}" }: the pool’s developer provider name and your user id. The pool links that user id to an identity id and returns it with a Cognito OpenID token (RS512, 15 minutes by default).`,
    why: 'You keep your own user directory and sign-in; the identity pool only needs to trust your backend’s AWS signature, so the app never holds a secret.',
    misunderstanding:
      'This call is signed with AWS credentials and authorised by IAM, so it must run on your server, never in the app: sent unsigned, as an app would send it, it is refused with MissingAuthenticationTokenException before the pool reads it. The same user id always gets the same identity id.',
  },
  code: (demo) => ({
    sdk: `// On your server, with IAM credentials:
const { IdentityId, Token } = await identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({
  IdentityPoolId: '${demo.identityPool?.id ?? '<identity pool id>'}',
  Logins: { '${DEMO_DEVELOPER_PROVIDER}': '${BACKEND_USER_ID}' },
}));`,
    cli: `aws cognito-identity get-open-id-token-for-developer-identity \\
  --identity-pool-id ${demo.identityPool?.id ?? '<identity pool id>'} \\
  --logins ${DEMO_DEVELOPER_PROVIDER}=${BACKEND_USER_ID}`,
  }),
  async run(ctx) {
    const user = ctx.need(ctx.demo.iamUser, "the demo IAM user's keys (the backend's credentials)");
    const request = jsonRequest(ctx.region, 'cognito-identity', 'GetOpenIdTokenForDeveloperIdentity', {
      IdentityPoolId: ctx.demo.identityPool?.id,
      Logins: { [DEMO_DEVELOPER_PROVIDER]: BACKEND_USER_ID },
    });
    const response = await ctx.fetch(
      await ctx.sign(
        request,
        { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey },
        'cognito-identity',
      ),
    );
    const out = await readJson<{ IdentityId?: string; Token?: string }>(response);
    if (out?.IdentityId) ctx.vars.identityId = out.IdentityId;
    if (out?.Token) ctx.vars.openIdToken = out.Token;
  },
};

const appGetsCredentials: ScenarioStep = {
  id: 'app-credentials-with-developer-token',
  label: '2',
  title: 'The app trades the token for AWS credentials',
  from: 'app',
  to: 'identityPool',
  packet: 'openIdToken',
  returns: 'credentials',
  via: ['sts', 'iam'],
  operation: 'GetCredentialsForIdentity',
  expect: 'success',
  narration: {
    what: `Your backend passed the identity id and token to the app. The app calls GetCredentialsForIdentity, unsigned, with Logins { "${COGNITO_LOGIN}": token }. The pool checks its own token and returns credentials for its authenticated role (session name CognitoIdentityCredentials).`,
    why: `The login key is ${COGNITO_LOGIN}, not your developer provider name: the app presents Cognito’s token, which stands for your backend’s word.`,
    misunderstanding:
      'The token is short-lived (15 minutes unless the backend asks for a TokenDuration up to 24 hours); when it expires the app asks your backend again, not Cognito.',
  },
  code: () => ({
    sdk: `const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({
  IdentityId, // from your backend
  Logins: { '${COGNITO_LOGIN}': Token },
}));`,
    cli: `aws cognito-identity get-credentials-for-identity --identity-id "$IDENTITY_ID" \\
  --logins ${COGNITO_LOGIN}="$TOKEN"`,
  }),
  async run(ctx) {
    const response = await ctx.fetch(
      jsonRequest(ctx.region, 'cognito-identity', 'GetCredentialsForIdentity', {
        IdentityId: ctx.need(ctx.vars.identityId, 'the identity id from your backend'),
        Logins: { [COGNITO_LOGIN]: ctx.need(ctx.vars.openIdToken, 'the OpenID token from your backend') },
      }),
    );
    const credentials = credentialsFromIdentityPool(await readJson(response));
    if (credentials) ctx.vars.credentials = credentials;
  },
};

export const developerIdentities: Scenario = {
  id: 'developer-authenticated-identities',
  title: 'Developer-authenticated identities: your backend vouches for the user',
  summary:
    'Your backend, signed with IAM credentials, gets a Cognito OpenID token for its own user id; the app trades it for credentials and writes to its own S3 prefix.',
  group: 'flows',
  identity: 'iamUser',
  actors: ['app', 'developer', 'identityPool', 'sts', 'iam', 's3'],
  steps: [backendGetsToken, appGetsCredentials, s3WritePrivateStep('own', { label: '3' })],
};
