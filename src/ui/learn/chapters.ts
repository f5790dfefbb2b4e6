import type { CallerKind, EngineAnswer } from './engine-answer';

/**
 * The Learn path: the core questions in the order a newcomer meets them. Each chapter is one scenario of
 * the app, a short framing, and a prediction asked before its decisive step. Pure data: which choice is
 * right is never written here; it is the one choice whose expectation the engine's answer meets
 * (`rightChoices`), and `chapters.test.ts` plays every chapter to prove exactly one does.
 *
 * Sources for the framings (besides docs/aws-reference.md and /work/shared/reference/aws-facts.md):
 * - GlobalSignOut revokes the refresh token and makes Cognito's APIs refuse the access token; other
 *   requests "might be valid until your user's token expires" (Cognito API reference, GlobalSignOut:
 *   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html).
 * - A REST API's Cognito authorizer takes the ID token when the method defines no OAuth scopes and the
 *   access token when it does (Cognito developer guide, "Accessing resources with API Gateway after
 *   sign-in": https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-accessing-resources-api-gateway-and-lambda.html).
 * - Cognito Sync is closed to new customers and AWS points to AppSync (Cognito Sync API reference).
 * - UpdateRecords rejects "a record with a new value but a stale sync count" with
 *   ResourceConflictException; the client calls ListRecords for the current count (Cognito Sync API
 *   reference, UpdateRecords: https://docs.aws.amazon.com/cognitosync/latest/APIReference/API_UpdateRecords.html).
 * - AppSync's conflict handlers (OPTIMISTIC_CONCURRENCY, AUTOMERGE, LAMBDA) and Automerge keeping the
 *   server's value of a conflicting scalar (AppSync developer guide, "Conflict detection and resolution":
 *   https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html).
 */

/** What a choice claims about the decisive step's answer. Every field given must hold. */
export interface Expectation {
  succeeds: boolean;
  /** AWS's error code of the refusal. */
  code?: string;
  /** The IAM role name the credentials belong to. */
  role?: string;
  /** The kind of principal STS names as the caller. */
  caller?: CallerKind;
  /** Whether the request went out SigV4-signed. */
  signed?: boolean;
}

export interface Choice {
  id: string;
  label: string;
  expects: Expectation;
}

export interface ScenarioChapter {
  kind: 'scenario';
  id: string;
  title: string;
  /** 2–4 sentences that set the scene without giving the answer away. */
  framing: string;
  scenarioId: string;
  /** The step the reader predicts; playback holds before it. */
  decisiveStepId: string;
  /**
   * The decisive step's title while the question is open, where the scenario's own title would give
   * the answer away ("…: allowed"); the steps after it show no title until the answer is shown.
   */
  askedTitle?: string;
  question: string;
  choices: Choice[];
  /** Labs to explore the same idea further, offered beside the scenario. */
  labs?: LabLink[];
}

export interface LabLink {
  view: 'sync' | 'appsync';
  label: string;
  what: string;
}

/** A chapter that lives in one of the app's interactive labs rather than a scripted scenario. */
export interface LabChapter {
  kind: 'lab';
  id: string;
  title: string;
  framing: string;
  labs: LabLink[];
}

export type Chapter = ScenarioChapter | LabChapter;

export const CHAPTERS: readonly Chapter[] = [
  {
    kind: 'scenario',
    id: 'user-pool-vs-identity-pool',
    title: 'User pool vs identity pool',
    framing:
      'A user pool is a directory: it signs people in and returns JSON Web Tokens, never AWS keys. An identity pool is an exchange desk: it takes a token from a provider it trusts and returns temporary AWS credentials for an IAM role. Here Alice signs in to the user pool, then the app hands her ID token to the identity pool.',
    scenarioId: 'enhanced-flow',
    decisiveStepId: 'get-credentials',
    askedTitle: 'Ask the identity pool for AWS credentials (GetCredentialsForIdentity)',
    question:
      'Alice belongs to the user pool groups "admins" and "readers". Which IAM role will the identity pool give her credentials for?',
    choices: [
      {
        id: 'default',
        label: 'AtlasAuthenticatedRole, the pool’s default role for signed-in users',
        expects: { succeeds: true, role: 'AtlasAuthenticatedRole' },
      },
      {
        id: 'admins',
        label: 'AtlasAdminsRole, the role of the group that ranks first (lowest precedence number)',
        expects: { succeeds: true, role: 'AtlasAdminsRole' },
      },
      {
        id: 'readers',
        label: 'AtlasReadersRole, the role of her other group',
        expects: { succeeds: true, role: 'AtlasReadersRole' },
      },
      { id: 'none', label: 'None: the call is refused', expects: { succeeds: false } },
    ],
  },
  {
    kind: 'scenario',
    id: 'no-guests-in-a-user-pool',
    title: 'Why a user pool has no guests',
    framing:
      'A user pool only knows users who sign in; it has no anonymous user and issues no token to a visitor. Guest access is a setting of the identity pool (AllowUnauthenticatedIdentities), and a guest’s credentials come from the pool’s unauthenticated role.',
    scenarioId: 'guest',
    decisiveStepId: 'get-id',
    askedTitle: 'Call GetId with no Logins (no sign-in)',
    question:
      'A visitor who has signed in nowhere calls GetId with no Logins at all. What does the identity pool answer?',
    choices: [
      { id: 'identity', label: 'A new guest identity id', expects: { succeeds: true } },
      { id: 'refused', label: 'A refusal: a sign-in token is required', expects: { succeeds: false } },
    ],
  },
  {
    kind: 'scenario',
    id: 'stop-at-the-jwt',
    title: 'Stopping at the JWT',
    framing:
      'Not every app needs AWS credentials. An API Gateway method protected by a Cognito user pool authorizer checks the token’s signature, issuer and expiry itself. The app sends the JWT it got at sign-in in the Authorization header, with no identity pool, STS or SigV4 in the path.',
    scenarioId: 'jwt-to-api',
    decisiveStepId: 'api-with-id-token',
    question:
      'The app calls GET /me with Alice’s ID token and no AWS credentials. Will API Gateway let the request through?',
    choices: [
      { id: 'through', label: 'Yes, the method answers', expects: { succeeds: true } },
      {
        id: 'unsigned',
        label: 'No: requests to AWS must be signed with SigV4',
        expects: { succeeds: false },
      },
    ],
  },
  {
    kind: 'scenario',
    id: 'straight-to-the-identity-pool',
    title: 'Signing in to the identity pool directly',
    framing:
      'An identity pool trusts providers of its own, not only user pools: Google, Apple, Facebook, Amazon, any OpenID Connect or SAML provider. The app can send Google’s ID token straight to it. The pool checks the token against Google’s published keys and the client id configured for Google.',
    scenarioId: 'google-direct',
    decisiveStepId: 'get-credentials',
    askedTitle: 'Ask the identity pool for AWS credentials with the Google token',
    question:
      'No user pool is involved. Will GetCredentialsForIdentity return AWS credentials for the Google token?',
    choices: [
      { id: 'yes', label: 'Yes, credentials for the pool’s authenticated role', expects: { succeeds: true } },
      {
        id: 'no',
        label: 'No: the identity pool accepts only user pool tokens',
        expects: { succeeds: false },
      },
    ],
  },
  {
    kind: 'scenario',
    id: 'id-token-vs-access-token',
    title: 'ID token vs access token',
    framing:
      'Sign-in returns two JWTs, each signed with one of the pool’s two keys. The ID token says who the user is (name, email, groups) and is meant for your app and for identity pools. The access token authorises calls to the user pool’s own API and to APIs that check OAuth scopes. Here the app sends the ID token to GetUser, an API that takes an access token.',
    scenarioId: 'what-if-wrong-token',
    decisiveStepId: 'get-user-with-id-token',
    question: 'Will GetUser accept the ID token in place of the access token?',
    choices: [
      { id: 'accepted', label: 'Yes: both are valid tokens from the same pool', expects: { succeeds: true } },
      {
        id: 'refused',
        label: 'No: NotAuthorizedException',
        expects: { succeeds: false, code: 'NotAuthorizedException' },
      },
    ],
  },
  {
    kind: 'scenario',
    id: 'enhanced-vs-basic',
    title: 'Enhanced vs basic flow',
    framing:
      'In the enhanced flow the identity pool chooses the role and calls STS on the app’s behalf in one call, GetCredentialsForIdentity. In the basic (classic) flow the app asks the pool only for an OpenID token (GetOpenIdToken) and calls AssumeRoleWithWebIdentity itself, naming the role in its own code. The pool must allow the classic flow, and a pool with role mappings refuses it.',
    scenarioId: 'basic-flow',
    decisiveStepId: 'assume-role-with-web-identity',
    askedTitle: 'Send the OpenID token to STS (AssumeRoleWithWebIdentity)',
    question:
      'Alice, in the "admins" group, takes the basic flow; the app’s call names AtlasClassicAuthenticatedRole. Which role does she end up with?',
    choices: [
      {
        id: 'group',
        label: 'AtlasAdminsRole: her group still decides',
        expects: { succeeds: true, role: 'AtlasAdminsRole' },
      },
      {
        id: 'named',
        label: 'AtlasClassicAuthenticatedRole: the role the app named',
        expects: { succeeds: true, role: 'AtlasClassicAuthenticatedRole' },
      },
      { id: 'refused', label: 'None: STS refuses a token from Cognito', expects: { succeeds: false } },
    ],
  },
  {
    kind: 'scenario',
    id: 'five-sts-calls',
    title: 'The five STS calls',
    framing:
      'Applications get temporary credentials from STS through five calls (a sixth, AssumeRoot, gives an AWS Organizations administrator a short session for privileged tasks in a member account, and is not part of this app). AssumeRole, GetFederationToken and GetSessionToken are signed with AWS credentials the caller already holds; AssumeRoleWithWebIdentity and AssumeRoleWithSAML are sent unsigned, because the token or SAML assertion is the proof. Here a developer machine signed in as an IAM user calls AssumeRole, then asks STS who it is.',
    scenarioId: 'sts-assume-role',
    decisiveStepId: 'get-caller-identity',
    question:
      'With the keys AssumeRole returned, the machine calls GetCallerIdentity. Who does STS say is calling?',
    choices: [
      {
        id: 'user',
        label: 'The IAM user whose keys called AssumeRole',
        expects: { succeeds: true, caller: 'user' },
      },
      {
        id: 'role',
        label: 'A session of the role it assumed',
        expects: { succeeds: true, caller: 'assumed-role' },
      },
      { id: 'federated', label: 'A federated user', expects: { succeeds: true, caller: 'federated-user' } },
    ],
  },
  {
    kind: 'scenario',
    id: 'get-session-token',
    title: 'GetSessionToken and the central server',
    framing:
      'GetSessionToken is signed with an IAM user’s long-term keys, here a trusted server’s user with MFA, and returns short-lived keys (up to 36 hours for an IAM user). It assumes no role and takes no session policy. The server hands the keys to a developer’s unmanaged laptop.',
    scenarioId: 'central-server-session-keys',
    decisiveStepId: 'laptop-put-with-session-keys',
    askedTitle: 'The laptop writes to S3 with the session keys',
    question:
      'The laptop writes a file to the bucket’s public/ prefix with those keys. Will S3 accept the write?',
    choices: [
      {
        id: 'written',
        label: 'Yes: the keys can do what the server’s IAM user can',
        expects: { succeeds: true },
      },
      {
        id: 'denied',
        label: 'No: AccessDenied, session keys are narrower',
        expects: { succeeds: false, code: 'AccessDenied' },
      },
    ],
  },
  {
    kind: 'scenario',
    id: 'direct-web-identity',
    title: 'Direct web identity, without the pool',
    framing:
      'An app could skip the identity pool and send Google’s ID token straight to STS with AssumeRoleWithWebIdentity. To do that it must carry the role ARN itself, and the role’s trust policy must trust Google and the app’s client id. The scenario then does the same sign-in through an identity pool, side by side.',
    scenarioId: 'why-not-direct-web-identity',
    decisiveStepId: 'direct-assume-role-with-web-identity',
    question:
      'The app sends the Google token to STS, unsigned, naming AtlasWebIdentityRole. What does STS answer?',
    choices: [
      {
        id: 'credentials',
        label: 'Credentials for AtlasWebIdentityRole',
        expects: { succeeds: true, role: 'AtlasWebIdentityRole', signed: false },
      },
      { id: 'refused', label: 'A refusal: only an identity pool may call it', expects: { succeeds: false } },
    ],
  },
  {
    kind: 'scenario',
    id: 'signing-out',
    title: 'Signing out',
    framing:
      'GlobalSignOut signs the user out of every device: the user pool revokes the refresh token, and its own APIs refuse the access token from then on. After the sign-out, the scenario probes each thing the app still holds: the refresh token, the access token, the ID token and the AWS credentials.',
    scenarioId: 'after-sign-out',
    decisiveStepId: 'probe-id-token',
    question:
      'After GlobalSignOut, the app sends the same ID token to API Gateway’s GET /me. Does it still work?',
    choices: [
      { id: 'works', label: 'Yes, until the token expires', expects: { succeeds: true } },
      { id: 'revoked', label: 'No: it was revoked with the others', expects: { succeeds: false } },
    ],
  },
  {
    kind: 'scenario',
    id: 'guest-scope-down',
    title: 'The guest scope-down',
    framing:
      'When the enhanced flow gives a guest credentials, Cognito passes session policies to the role it assumes. The guest can do only what both the unauthenticated role and those session policies allow. In this demo the guest role’s own policy allows ssm:GetParameter.',
    scenarioId: 'what-if-guest-ssm',
    decisiveStepId: 'ssm-get-parameter',
    askedTitle: 'A guest calls SSM GetParameter',
    question: 'The guest calls SSM GetParameter with its credentials. Will the call succeed?',
    choices: [
      { id: 'allowed', label: 'Yes: the role allows it', expects: { succeeds: true } },
      {
        id: 'denied',
        label: 'No: AccessDeniedException',
        expects: { succeeds: false, code: 'AccessDeniedException' },
      },
    ],
  },
  {
    kind: 'scenario',
    id: 'cognito-sync-vs-appsync',
    title: 'Cognito Sync vs AppSync',
    framing:
      'Cognito Sync keeps small key-value datasets per identity id and syncs them between one user’s devices; it is closed to new customers, and AWS points new apps to AppSync, a GraphQL API with offline clients and conflict handlers on the server. Here Alice changed her theme offline on her phone and on her laptop, and both devices sync at the same moment: each pulls the dataset (empty so far), then pushes its value with sync count 0. The phone’s push lands first. After your answer the scenario plays the same race through AppSync.',
    scenarioId: 'sync-conflict-two-devices',
    decisiveStepId: 'laptop-update-records',
    question:
      'The laptop now pushes theme = light, still on sync count 0, while the record already holds the phone’s “dark”. What does Cognito Sync do with it?',
    choices: [
      {
        id: 'last-writer-wins',
        label: 'Stores it: the last write wins and the record becomes “light”',
        expects: { succeeds: true },
      },
      {
        id: 'conflict',
        label: 'Refuses it with ResourceConflictException: the laptop must pull the newer record and decide',
        expects: { succeeds: false, code: 'ResourceConflictException' },
      },
      {
        id: 'conflict-unhandled',
        label: 'Refuses it with ConflictUnhandled and sends back the server’s record',
        expects: { succeeds: false, code: 'ConflictUnhandled' },
      },
    ],
    labs: [
      {
        view: 'sync',
        label: 'Open the Cognito Sync lab',
        what: 'Datasets per identity, synchronised on request.',
      },
      {
        view: 'appsync',
        label: 'Open the AppSync lab',
        what: 'A shared GraphQL list, live and offline-first; switch its conflict handler.',
      },
    ],
  },
];

export function findChapter(id: string | undefined): Chapter | undefined {
  return CHAPTERS.find((chapter) => chapter.id === id);
}

export function meets(answer: EngineAnswer, expects: Expectation): boolean {
  if (answer.succeeded !== expects.succeeds) return false;
  if (expects.code !== undefined && answer.code !== expects.code) return false;
  if (expects.role !== undefined && answer.role !== expects.role) return false;
  if (expects.caller !== undefined && answer.caller !== expects.caller) return false;
  if (expects.signed !== undefined && answer.signed !== expects.signed) return false;
  return true;
}

/** The choices the engine's answer bears out; a sound chapter has exactly one. */
export function rightChoices(chapter: ScenarioChapter, answer: EngineAnswer): Choice[] {
  return chapter.choices.filter((choice) => meets(answer, choice.expects));
}
