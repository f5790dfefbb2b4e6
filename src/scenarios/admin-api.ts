import { jsonRequest, stsRequest } from '../wire/aws-requests';
import { readJson, xmlText } from '../wire/aws-responses';
import { credentialsFromStsXml } from '../wire/credentials';
import { keepTokens, refreshStep } from './steps/user-pool';
import type { Scenario, ScenarioStep, StepContext } from './types';

/**
 * The user pool's two APIs: public calls a browser makes (SignUp, InitiateAuth, GetUser with an access
 * token …) are unsigned; the Admin* calls need AWS credentials, a SigV4 signature and an IAM policy that
 * allows `cognito-idp:<Operation>` on the pool. A backend holding a role makes them.
 */

const NEW_USER = 'erin';
const TEMPORARY_PASSWORD = 'Welcome-Erin-2026!';
const CHOSEN_PASSWORD = 'Erin-Chosen-2026!';

function adminCall(ctx: StepContext, operation: string, body: Record<string, unknown>) {
  return jsonRequest(ctx.region, 'cognito-idp', operation, { UserPoolId: ctx.demo.userPool?.id, ...body });
}

const backendCode = (op: string, input: string) => ({
  sdk: `// On the server, with the role's credentials — never in the browser.
await idp.send(new ${op}Command(${input}));`,
});

const assumeBackendRole: ScenarioStep = {
  id: 'backend-assume-role',
  label: '1',
  title: 'The backend takes on its role (AssumeRole)',
  from: 'developer',
  to: 'sts',
  packet: 'signedRequest',
  returns: 'credentials',
  via: ['iam'],
  operation: 'AssumeRole',
  expect: 'success',
  narration: {
    what: 'The backend server signs AssumeRole for AtlasBackendRole, whose trust policy names it. The role’s only permission: the cognito-idp Admin* actions and the user and group listings, on this user pool’s ARN.',
    why: 'Admin operations act on any user of the pool, so they are given to a server identity with exactly these actions, not to the app.',
    misunderstanding:
      'A user pool access token is not AWS credentials: it cannot sign an Admin call; only IAM credentials can.',
  },
  code: (demo) => ({
    sdk: `await sts.send(new AssumeRoleCommand({ RoleArn: '${demo.adminBackend?.roleArn ?? '<role ARN>'}', RoleSessionName: 'atlas-backend' }));`,
    cli: `aws sts assume-role --role-arn ${demo.adminBackend?.roleArn ?? '<role ARN>'} --role-session-name atlas-backend`,
  }),
  async run(ctx) {
    const backend = ctx.need(ctx.demo.adminBackend, 'the demo backend role (cloud.demo.adminBackend)');
    const user = ctx.need(ctx.demo.iamUser, "the demo IAM user's keys");
    const request = stsRequest(ctx.region, 'AssumeRole', {
      RoleArn: backend.roleArn,
      RoleSessionName: 'atlas-backend',
    });
    const response = await ctx.fetch(
      await ctx.sign(
        request,
        { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey },
        'sts',
      ),
    );
    const credentials = credentialsFromStsXml(await response.clone().text(), xmlText);
    if (credentials) ctx.vars.credentials = credentials;
  },
};

const browserTriesAdmin: ScenarioStep = {
  id: 'browser-admin-get-user',
  label: '1.5',
  title: 'AdminGetUser sent as a browser app would send it: unsigned',
  from: 'developer',
  to: 'userPool',
  packet: 'data',
  sends: 'unsigned request',
  returns: 'data',
  operation: 'AdminGetUser',
  expect: 'denied',
  refusal: 'MissingAuthenticationTokenException',
  narration: {
    what: 'AdminGetUser goes out unsigned, the way a browser app sends InitiateAuth (a browser has no AWS credentials to sign with). The user pool refuses before reading the body: MissingAuthenticationTokenException, "Missing Authentication Token".',
    why: 'Admin* operations are authorised by IAM, and IAM needs a SigV4 signature to know who is asking.',
    misunderstanding:
      'Public user pool calls (SignUp, ConfirmSignUp, InitiateAuth, RespondToAuthChallenge, GetUser and UpdateUserAttributes with an access token) need no signature and IAM does not authorise them; Admin* calls are always signed and IAM decides them.',
  },
  code: () => backendCode('AdminGetUser', `{ UserPoolId, Username: 'alice' }`),
  async run(ctx) {
    await ctx.fetch(adminCall(ctx, 'AdminGetUser', { Username: 'alice' }));
  },
};

const createUser: ScenarioStep = {
  id: 'admin-create-user',
  label: '2',
  title: 'The backend creates a user with a temporary password',
  from: 'developer',
  to: 'userPool',
  packet: 'signedRequest',
  returns: 'data',
  via: ['iam'],
  operation: 'AdminCreateUser',
  expect: 'success',
  narration: {
    what: `AdminCreateUser, signed with the role’s credentials: IAM allows cognito-idp:AdminCreateUser on the pool ARN. The user ${NEW_USER} is created in status FORCE_CHANGE_PASSWORD with a temporary password (MessageAction SUPPRESS: no invitation is sent).`,
    why: 'Invite-only apps create accounts for people; the temporary password lasts the pool’s TemporaryPasswordValidityDays (7 by default).',
    misunderstanding: 'An administrator-created user is not usable until they choose their own password.',
  },
  code: () =>
    backendCode(
      'AdminCreateUser',
      `{ UserPoolId, Username: '${NEW_USER}', TemporaryPassword: '<temporary>', MessageAction: 'SUPPRESS' }`,
    ),
  async run(ctx) {
    const request = adminCall(ctx, 'AdminCreateUser', {
      Username: NEW_USER,
      TemporaryPassword: TEMPORARY_PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `${NEW_USER}@example.com` }],
    });
    await ctx.fetch(
      await ctx.sign(request, ctx.need(ctx.vars.credentials, 'the role credentials'), 'cognito-idp'),
    );
  },
};

const userSignsIn: ScenarioStep = {
  id: 'invited-user-sign-in',
  label: '3',
  title: 'The invited user signs in with the temporary password',
  from: 'app',
  to: 'userPool',
  packet: 'password',
  returns: 'jwt',
  // The user is FORCE_CHANGE_PASSWORD: the answer is a challenge, not tokens.
  receives: 'challenge, no tokens',
  operation: 'InitiateAuth',
  expect: 'success',
  narration: {
    what: `Back in the browser, ${NEW_USER} signs in with InitiateAuth (USER_PASSWORD_AUTH), unsigned as always. The password matches, but the user is FORCE_CHANGE_PASSWORD: no tokens yet, the answer is the challenge NEW_PASSWORD_REQUIRED with a Session.`,
    why: 'Creating the account needed IAM; signing in to it does not. A backend could run this step itself with AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH, on an app client that allows it, such as atlas-backend), which is signed and authorised by IAM like every Admin* call.',
    misunderstanding:
      'ADMIN_USER_PASSWORD_AUTH is refused by InitiateAuth, and USER_PASSWORD_AUTH by AdminInitiateAuth: the admin flows exist only on the signed API.',
  },
  code: (demo) => ({
    sdk: `await idp.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: '${demo.userPool?.clientId ?? '<client id>'}', AuthParameters: { USERNAME: '${NEW_USER}', PASSWORD: '<temporary>' } }));`,
  }),
  async run(ctx) {
    const response = await ctx.fetch(
      jsonRequest(ctx.region, 'cognito-idp', 'InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: ctx.demo.userPool?.clientId,
        AuthParameters: { USERNAME: NEW_USER, PASSWORD: TEMPORARY_PASSWORD },
      }),
    );
    const session = (await readJson<{ Session?: string }>(response.clone()))?.Session;
    if (session) ctx.vars.extra.session = session;
  },
};

const newPassword: ScenarioStep = {
  id: 'answer-new-password',
  label: '4',
  title: 'The user chooses a password (NEW_PASSWORD_REQUIRED)',
  from: 'app',
  to: 'userPool',
  packet: 'password',
  returns: 'jwt',
  operation: 'RespondToAuthChallenge',
  expect: 'success',
  narration: {
    what: 'RespondToAuthChallenge with NEW_PASSWORD and the Session. The password meets the pool policy, the user becomes CONFIRMED and the answer carries the ID, access and refresh tokens.',
    why: 'The challenge makes sure only the user knows the password they will use from now on.',
    misunderstanding:
      'The temporary password stops working once it is replaced, or once TemporaryPasswordValidityDays pass; then only an administrator can issue a new one.',
  },
  code: () => ({
    sdk: `await idp.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session, ChallengeResponses: { USERNAME: '${NEW_USER}', NEW_PASSWORD: '<chosen>' } }));`,
  }),
  async run(ctx) {
    const response = await ctx.fetch(
      jsonRequest(ctx.region, 'cognito-idp', 'RespondToAuthChallenge', {
        ClientId: ctx.demo.userPool?.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: ctx.need(ctx.vars.extra.session, 'the Session of the challenge'),
        ChallengeResponses: { USERNAME: NEW_USER, NEW_PASSWORD: CHOSEN_PASSWORD },
      }),
    );
    await keepTokens(ctx, response);
  },
};

const disableUser: ScenarioStep = {
  id: 'admin-disable-user',
  label: '5',
  title: 'The backend disables the user (AdminDisableUser)',
  from: 'developer',
  to: 'userPool',
  packet: 'signedRequest',
  returns: 'data',
  via: ['iam'],
  operation: 'AdminDisableUser',
  expect: 'success',
  narration: {
    what: `AdminDisableUser for ${NEW_USER}, signed with the role’s credentials and allowed by IAM. The user stays in the pool (AdminGetUser shows Enabled false), can no longer sign in, and every token Cognito issued to them is revoked.`,
    why: 'Disabling is how an administrator stops an account at once without deleting its data; AdminEnableUser lets the user sign in again.',
    misunderstanding:
      'Revoked means refused by the user pool’s own APIs. An ID or access token already issued is still a validly signed JWT until it expires, so API Gateway or AppSync, which verify it offline, keep accepting it for up to an hour.',
  },
  code: () => backendCode('AdminDisableUser', `{ UserPoolId, Username: '${NEW_USER}' }`),
  async run(ctx) {
    const request = adminCall(ctx, 'AdminDisableUser', { Username: NEW_USER });
    await ctx.fetch(
      await ctx.sign(request, ctx.need(ctx.vars.credentials, 'the role credentials'), 'cognito-idp'),
    );
  },
};

const refreshAfterDisable = refreshStep({
  id: 'refresh-after-disable',
  label: '6',
  title: 'The app tries to refresh the disabled user’s tokens',
  expect: 'denied',
  refusal: 'Refresh Token has been revoked',
  narration: {
    what: `The browser still holds ${NEW_USER}’s refresh token and sends it with InitiateAuth (REFRESH_TOKEN_AUTH). The user pool refuses: NotAuthorizedException, "Refresh Token has been revoked". A new password sign-in would be refused too, with "User is disabled."`,
    why: 'AdminDisableUser revoked the user’s sessions at the source, so no new ID or access tokens can be minted for them; they stay revoked even after AdminEnableUser.',
    misunderstanding:
      'Disabling is not deleting: the user keeps their sub, attributes and groups, and AdminEnableUser restores sign-in (with new tokens, not the old ones).',
  },
});

export const adminBackendScenario: Scenario = {
  id: 'admin-api-backend',
  title: 'Admin API: a backend with a role creates and signs in users',
  summary:
    'Admin* calls need AWS credentials and IAM permission; an unsigned one is refused. The backend creates a user; the user signs in publicly and must choose a password; then the backend disables the user and the app’s refresh token is refused.',
  group: 'flows',
  identity: 'iamUser',
  people: [
    { identity: 'iamUser', name: 'the backend' },
    { identity: 'userPool', name: 'the invited user' },
  ],
  actors: ['app', 'developer', 'sts', 'iam', 'userPool'],
  actorRoles: {
    developer: {
      label: 'Backend',
      kind: 'IAM user keys',
      about: 'your backend server, holding IAM user keys (AKIA…) and the role credentials it takes on',
      what: 'Your backend server. It signs with IAM user keys to take on AtlasBackendRole, then makes the Admin* calls with the role’s temporary credentials. Neither ever reaches the browser app.',
    },
  },
  // The role's credentials stay on the server; the user's tokens stay in the browser.
  keptBy: {
    credentials: 'developer',
    idToken: 'app',
    accessToken: 'app',
    refreshToken: 'app',
  },
  steps: [
    assumeBackendRole,
    browserTriesAdmin,
    createUser,
    userSignsIn,
    newPassword,
    disableUser,
    refreshAfterDisable,
  ],
};
