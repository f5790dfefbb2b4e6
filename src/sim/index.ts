/**
 * The Identity Atlas engine: a simulated AWS identity stack (Cognito user pools and identity pools,
 * STS, IAM, SigV4, S3, API Gateway, Cognito Sync …) reached through one `fetch` that speaks AWS's
 * real wire protocols. Pure TypeScript: no React, no DOM; runs unchanged in Node 20 and browsers.
 * Deterministic under an injected clock and seed.
 *
 * This file is the engine's only public surface. The interface below is a contract the UI and the
 * integration tests depend on: add to it, never change it.
 */
import { createRequestQueue, createRouter } from './cloud';
import { parseState } from './core/dict';
import { createRandom, type RandomState } from './core/random';
import { worldsForTests } from './core/world-registry';
import { createTraceHub, type TraceListener } from './core/trace';
import { buildDemo, seedDemoWorld } from './demo';
import { type DemoIds, drawDemoIds } from './demo/ids';
import { createIamState } from './iam/state';
import { createAppSyncState, type ConflictHandler } from './services/appsync/state';
import { connectRealtime } from './services/appsync/route';
import type { SimSocket } from './services/appsync/realtime';
import { addPublishListener, deliverPublished, type PublishedEvent } from './services/appsync/realtime-hub';
import { createCognitoSyncState } from './services/cognito-sync/state';
import { createIdentityPoolState } from './services/cognito-identity/state';
import { createCognitoOAuthState } from './services/cognito-idp/oauth/state';
import { createUserPoolState } from './services/cognito-idp/state';
import { createExecuteApiState } from './services/execute-api/state';
import { createGoogleState } from './services/idp-google/state';
import { createSamlCertificate } from './services/idp-saml/certificate';
import { createSamlState } from './services/idp-saml/state';
import { createS3State } from './services/s3/state';
import { createSsmState } from './services/ssm/state';
import { createStsState } from './services/sts/state';
import { createKeyRing, type KeyRing, type KeySource } from './tokens/keys';
import type { UserPoolTriggerConfig as UserPoolTriggers } from './services/cognito-idp/lambda-trigger-types';
import type { World, WorldState } from './world';

export type { TraceEvent, TraceListener } from './core/trace';
export type { SimSocket } from './services/appsync/realtime';
export type { PublishedEvent } from './services/appsync/realtime-hub';
export type { ConflictHandler } from './services/appsync/state';
export type {
  UserPoolTriggerConfig as UserPoolTriggers,
  PreSignUpBehaviour,
  PassOrRejectBehaviour,
  PreTokenGenerationBehaviour,
  PreTokenGenerationV1,
  PreTokenGenerationV2,
  GroupOverrideDetails,
} from './services/cognito-idp/lambda-trigger-types';
export { STS_OPERATIONS, type StsOperationDefinition } from './services/sts/definitions';
// The policy evaluator and the data it needs, for clients that reason about a world's policies
// without sending requests (src/stack's access matrix). The same functions the services call.
export { evaluate } from './iam/evaluate';
export { cognitoGuestSessionPolicies } from './iam/managed/cognito-guest';
export { AWS_MANAGED_POLICIES } from './iam/managed/aws-managed';
export { DEFAULT_PASSWORD_POLICY } from './services/cognito-idp/password';
export type {
  AuthorizationRequest,
  EvaluationResult,
  NamedPolicy,
  PolicyDocument,
  PolicyStatement,
} from './iam/types';
export type { WorldState } from './world';
export type { IamManagedPolicy, IamRole, IamState, IamUser } from './iam/state';
export type { AppClientRecord, GroupRecord, PoolRecord } from './services/cognito-idp/state';
export type { IdentityPoolConfig, MappingRule, RoleMapping } from './services/cognito-identity/state';
export type { S3Bucket } from './services/s3/state';
export type { ApiMethod, CognitoAuthorizer, RestApi } from './services/execute-api/state';
export type { SsmParameter } from './services/ssm/state';
export type { GraphqlApi } from './services/appsync/state';

export interface CloudOptions {
  region?: string; // default "us-east-1"
  now?: () => number; // epoch milliseconds; default Date.now. Drives every iat, exp and Expiration.
  /** Seed of the cloud's random generator (ids, secrets, codes). Default "identity-atlas". */
  seed?: string;
  /** `demo` (default): the published demo keys, byte-reproducible; `generate`: fresh RSA keys. */
  keys?: KeySource;
  /** Restore a cloud saved with `cloud.snapshot()` instead of seeding a new demo world. */
  snapshot?: CloudSnapshot;
  /**
   * Start from this world instead of the demo world (a world built elsewhere, e.g. imported from a
   * CloudFormation template by `src/stack`). Its state is copied; services it leaves out start empty.
   * `cloud.demo` then describes only what the world holds (fields of absent demo parts are empty).
   */
  world?: WorldSeed;
}

/** A world given as data: the account it lives in and its services' plain JSON state. */
export interface WorldSeed {
  accountId: string;
  state: Partial<WorldState>;
}

export interface Cloud {
  /** Every simulated AWS endpoint, addressed by its real URL, speaking AWS's real wire protocol. */
  fetch(request: Request): Promise<Response>;
  /** The built-in demo world: ids, secrets and sign-in helpers. More fields are allowed. */
  readonly demo: Demo;
  /** Explanation events (signature stages, policy decisions, tokens …) tagged with request ids. */
  subscribe(listener: TraceListener): () => void;
  /**
   * The whole cloud as data: plain JSON state plus the CryptoKeys (structured-cloneable, so it can
   * be kept in IndexedDB as is). Private keys stay non-extractable.
   */
  snapshot(): CloudSnapshot;
  /**
   * Opens a simulated WebSocket to a real-time endpoint (AppSync:
   * wss://<apiId>.appsync-realtime-api.<region>.amazonaws.com/graphql, subprotocol graphql-ws).
   * Rejects with a TypeError for an unknown address, as a failed WebSocket connection does.
   */
  connect(url: string, protocol?: string): Promise<SimSocket>;
  /**
   * Replaces this cloud's state with a snapshot of the same cloud taken elsewhere (another tab), in
   * place: subscribers, open sockets and `demo` keep working. Queued like a request, so it never lands
   * between a request's check and its write. Rejects a snapshot of another account or region.
   */
  restore(snapshot: CloudSnapshot): Promise<void>;
  /** Hears every AppSync subscription event this cloud publishes (to forward it to other tabs). */
  onPublish(listener: (event: PublishedEvent) => void): () => void;
  /** Delivers an event that the same cloud published in another tab to this tab's subscribers. */
  deliverPublished(event: PublishedEvent): void;
}

export interface CloudSnapshot {
  version: 1;
  region: string;
  ids: DemoIds;
  random: RandomState;
  /** JSON text of every service's state. */
  state: string;
  keys: KeyRing;
}

export interface Demo {
  region: string;
  accountId: string; // 12 digits
  userPool: {
    id: string; // "<region>_<9 alphanumerics>"
    clientId: string; // public app client, no secret, USER_PASSWORD_AUTH enabled
    users: { username: string; password: string }[]; // confirmed users
    /** Second app client "atlas-other-app" (LEGACY user-existence errors): tokens for the wrong audience. */
    otherClientId: string;
    /** Hosted (managed login) domain: https://<prefix>.auth.<region>.amazoncognito.com */
    domain: string;
    /** Signed up, never confirmed (UserNotConfirmedException demos). */
    unconfirmedUser: { username: string; password: string };
    /** Confirmed, then disabled by an administrator ("User is disabled."). */
    disabledUser: { username: string; password: string };
    /**
     * "atlas-server-app", a confidential app client: its secret makes SECRET_HASH =
     * Base64(HMAC-SHA256(clientSecret, username + clientId)) mandatory on every public call that
     * names a user, and `client_secret_basic` / `client_secret_post` mandatory at /oauth2/token.
     * Something only a server may hold; the browser app uses `clientId` (public, PKCE).
     */
    confidentialClient?: { clientId: string; clientSecret: string };
    /**
     * Configures the pool's simulated Lambda triggers (pre sign-up, post confirmation, pre
     * authentication, pre token generation V1_0 / V2_0). Behaviour is data, not code: the simulated
     * function answers with the configured response, or throws `{ reject: message }`. Replaces the
     * whole configuration; `{}` removes every trigger. Each invocation is traced as `lambda.invoke`
     * with AWS's event and the function's response.
     * @example demo.userPool.setTriggers({ preSignUp: { autoConfirmUser: true, autoVerifyEmail: true } })
     */
    setTriggers(config: UserPoolTriggers): void;
    /** The triggers as configured now (a copy). */
    getTriggers(): UserPoolTriggers;
    /** The simulated mailbox: every code the pool sent (sign-up, resend, attribute verification, password reset), oldest first. */
    inbox(): {
      to: string;
      username: string;
      code: string;
      purpose: 'SIGN_UP' | 'RESEND_SIGN_UP' | 'VERIFY_ATTRIBUTE' | 'FORGOT_PASSWORD';
      at: number;
    }[];
  };
  /**
   * The enhanced-flow identity pool: guests allowed; the user pool, Google, the SAML provider and the
   * developer provider as logins; token-based role mapping for the user pool app client. Because it has
   * role mappings, AWS refuses the basic (classic) flow here, for every caller.
   */
  identityPool: {
    id: string; // "<region>:<uuid>"; unauthenticated (guest) access enabled
    authenticatedRoleArn: string;
    unauthenticatedRoleArn: string;
  };
  /**
   * The basic (classic) flow's identity pool: AllowClassicFlow true, no role mappings, guests allowed,
   * the user pool, Google and the developer provider as logins (no SAML: Cognito takes SAML logins only
   * in the enhanced flow). Its roles (AtlasClassicAuthenticatedRole, AtlasClassicGuestRole) trust only
   * this pool's id in `cognito-identity.amazonaws.com:aud`, and may do what the enhanced pool's roles may.
   */
  classicIdentityPool: {
    id: string; // "<region>:<uuid>", not the same as identityPool.id
    authenticatedRoleArn: string;
    unauthenticatedRoleArn: string;
  };
  iamUser: {
    arn: string;
    accessKeyId: string;
    secretAccessKey: string;
    /** The user's virtual MFA device (`SerialNumber` for STS calls): arn:aws:iam::<acct>:mfa/atlas-developer. */
    mfaSerial: string;
    /** The 6-digit TOTP code the device shows at `atMs` (RFC 6238, SHA-1, 30 s), for `TokenCode`. */
    mfaCode(atMs: number): Promise<string>;
  }; // long-term "AKIA…" keys
  /** More of the demo's IAM: the MFA-protected role, the role whose trust lacks an aud condition, every role by name. */
  iam?: { mfaRoleArn: string; legacyRoleArn: string; samlProviderArn: string; roles: Record<string, string> };
  assumableRoleArn: string; // its trust policy lets iamUser call sts:AssumeRole
  webIdentityRoleArn: string; // trusts accounts.google.com (aud = google.clientId) and cognito-identity.amazonaws.com (aud = the identity pool id)
  google: {
    clientId: string;
    users: { username: string; password: string }[];
    signIn(username: string, password: string): Promise<string>;
  }; // an OIDC ID token, RS256, iss https://accounts.google.com
  saml: {
    providerArn: string;
    roleArn: string;
    users: { username: string; password: string }[];
    signIn(username: string, password: string): Promise<string>;
  }; // a base64 SAMLResponse fit for AssumeRoleWithSAML
  bucket: string; // S3: public/* readable by the unauthenticated and authenticated roles; private/${cognito-identity.amazonaws.com:sub}/* read-write by that identity alone
  api: { url: string }; // API Gateway stage URL: GET {url}/me takes a user pool token (Cognito authorizer), GET {url}/iam takes SigV4 (AWS_IAM)
  /** The shared-list GraphQL API (AppSync): user pool auth by default, IAM and API key as extra modes. */
  appSync?: {
    apiId: string;
    url: string;
    realtimeUrl: string;
    apiKey: string;
    /** The table's conflict handler (an administrator's SyncConfig change, made here without the control plane). */
    setConflictHandler(handler: ConflictHandler): void;
    getConflictHandler(): ConflictHandler;
  };
  /**
   * Attributes for access control: the user pool attribute `custom:department` becomes the session tag
   * `department` (the identity pool's principal-tag map for the user pool), and the signed-in roles may
   * read and write `departments/${aws:PrincipalTag/department}/*` of `bucket` — each department its own
   * prefix. The roles' trust policies allow `sts:TagSession`, which passing tags requires.
   */
  departments?: {
    bucket: string;
    /** The principal tag key: `department`. */
    tagKey: string;
    /** The token claim it is mapped from: `custom:department`. */
    attribute: string;
    /** The key prefix a department may reach, e.g. `departments/platform/`. */
    prefixFor(department: string): string;
    /** Confirmed users with their department (alice: platform, bob: research). */
    users: { username: string; password: string; department: string }[];
    /** One seeded object per department, by department. */
    objects: Record<string, string>;
  };
  /**
   * The server side of the user pool's Admin* API (AdminInitiateAuth, AdminCreateUser, AdminGetUser …):
   * these calls are SigV4-signed and authorised by IAM, unlike SignUp / InitiateAuth / GetUser. `roleArn`
   * is a role `iamUser` may assume (sts:AssumeRole) whose policy allows `actions` on `userPoolArn` only;
   * `clientId` is the app client "atlas-backend", the one with ALLOW_ADMIN_USER_PASSWORD_AUTH.
   */
  adminBackend?: { roleArn: string; userPoolArn: string; clientId: string; actions: string[] };
}

function freshState(): WorldState {
  return {
    iam: createIamState(),
    sts: createStsState(),
    cognitoIdp: createUserPoolState(),
    cognitoOAuth: createCognitoOAuthState(),
    cognitoIdentity: createIdentityPoolState(),
    s3: createS3State(),
    executeApi: createExecuteApiState(),
    ssm: createSsmState(),
    cognitoSync: createCognitoSyncState(),
    google: createGoogleState(),
    saml: createSamlState(),
    appsync: createAppSyncState(),
  };
}

/**
 * The demo sign-in helpers draw ids from the cloud's random generator (assertion and token ids), so
 * they take their turn in the request queue like any request.
 */
function queueDemoHelpers(demo: Demo, exclusive: ReturnType<typeof createRequestQueue>): Demo {
  const google = demo.google.signIn;
  const saml = demo.saml.signIn;
  demo.google.signIn = (username, password) => exclusive(() => google(username, password));
  demo.saml.signIn = (username, password) => exclusive(() => saml(username, password));
  return demo;
}

export async function createCloud(options: CloudOptions = {}): Promise<Cloud> {
  const now = options.now ?? (() => Date.now());
  const trace = createTraceHub();
  const snap = options.snapshot;
  const region = snap?.region ?? options.region ?? 'us-east-1';
  const random = createRandom(snap ? snap.random : (options.seed ?? 'identity-atlas'));
  const ids = snap?.ids ?? drawDemoIds(random, region);
  // Every request, real-time message, restore and state-changing demo helper runs through this one
  // queue, so each is atomic against the cloud (the design and its reasons: createRequestQueue).
  const exclusive = createRequestQueue();
  if (!snap && options.world) ids.accountId = options.world.accountId;
  const keys = snap?.keys ?? (await createKeyRing(options.keys ?? 'demo', region, createSamlCertificate));
  // Every object of the state has a null prototype, restored, seeded or imported, so a name a user
  // chose is never found on Object.prototype (core/dict.ts).
  const state: WorldState = snap
    ? parseState<WorldState>(snap.state)
    : options.world
      ? parseState<WorldState>(JSON.stringify({ ...freshState(), ...options.world.state }))
      : freshState();
  const world: World = { region, accountId: ids.accountId, now, random, keys, trace, state };
  if (!snap && !options.world) {
    await seedDemoWorld(world, ids);
    // The same JSON round trip a restore makes: every object gets a null prototype, and objects the
    // seeds share with module constants are copied rather than changed in place.
    world.state = parseState<WorldState>(JSON.stringify(world.state));
  }
  const demo = queueDemoHelpers(buildDemo(world, ids), exclusive);
  const route = createRouter(world);
  const cloud: Cloud = {
    fetch: (request) => exclusive(() => route(request)),
    demo,
    subscribe: (listener) => trace.subscribe(listener),
    snapshot: () => ({
      version: 1,
      region,
      ids,
      random: world.random.save(),
      state: JSON.stringify(world.state),
      keys: world.keys,
    }),
    connect: (url, protocol = 'graphql-ws') => connectRealtime(world, url, protocol, exclusive),
    restore: (next) =>
      exclusive(async () => {
        if (next.region !== region || next.ids.accountId !== ids.accountId) {
          throw new TypeError('This snapshot belongs to another cloud (region or account differs).');
        }
        world.state = parseState<WorldState>(next.state);
        world.random = createRandom(next.random);
        world.keys = next.keys;
      }),
    onPublish: (listener) => addPublishListener(world, listener),
    deliverPublished: (event) => deliverPublished(world, event),
  };
  worldsForTests.set(cloud, world);
  return cloud;
}
