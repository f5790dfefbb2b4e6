/**
 * The Identity Atlas engine: a simulated AWS identity stack (Cognito user pools and identity pools,
 * STS, IAM, SigV4, S3, API Gateway, Cognito Sync …) reached through one `fetch` that speaks AWS's
 * real wire protocols. Pure TypeScript: no React, no DOM; runs unchanged in Node 20 and browsers.
 * Deterministic under an injected clock and seed.
 *
 * This file is the engine's only public surface. The interface below is a contract the UI and the
 * integration tests depend on: add to it, never change it.
 */
import { createRouter } from './cloud';
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
import type { World, WorldState } from './world';

export type { TraceEvent, TraceListener } from './core/trace';
export type { SimSocket } from './services/appsync/realtime';
export type { ConflictHandler } from './services/appsync/state';
export { STS_OPERATIONS, type StsOperationDefinition } from './services/sts/definitions';

export interface CloudOptions {
  region?: string; // default "us-east-1"
  now?: () => number; // epoch milliseconds; default Date.now. Drives every iat, exp and Expiration.
  /** Seed of the cloud's random generator (ids, secrets, codes). Default "identity-atlas". */
  seed?: string;
  /** `demo` (default): the published demo keys, byte-reproducible; `generate`: fresh RSA keys. */
  keys?: KeySource;
  /** Restore a cloud saved with `cloud.snapshot()` instead of seeding a new demo world. */
  snapshot?: CloudSnapshot;
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
    /** The simulated mailbox: every code the pool sent (sign-up, resend, attribute verification), oldest first. */
    inbox(): { to: string; username: string; code: string; purpose: 'SIGN_UP' | 'RESEND_SIGN_UP' | 'VERIFY_ATTRIBUTE'; at: number }[];
  };
  identityPool: {
    id: string; // "<region>:<uuid>"; unauthenticated (guest) access enabled
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

export async function createCloud(options: CloudOptions = {}): Promise<Cloud> {
  const now = options.now ?? (() => Date.now());
  const trace = createTraceHub();
  const snap = options.snapshot;
  const region = snap?.region ?? options.region ?? 'us-east-1';
  const random = createRandom(snap ? snap.random : (options.seed ?? 'identity-atlas'));
  const ids = snap?.ids ?? drawDemoIds(random, region);
  const keys = snap?.keys ?? (await createKeyRing(options.keys ?? 'demo', region, createSamlCertificate));
  // Every object of the state has a null prototype, restored or seeded, so a name a user chose is
  // never found on Object.prototype (core/dict.ts).
  const state: WorldState = snap ? parseState<WorldState>(snap.state) : freshState();
  const world: World = { region, accountId: ids.accountId, now, random, keys, trace, state };
  if (!snap) {
    await seedDemoWorld(world, ids);
    // The same JSON round trip a restore makes: every object gets a null prototype, and objects the
    // seeds share with module constants are copied rather than changed in place.
    world.state = parseState<WorldState>(JSON.stringify(world.state));
  }
  const demo = buildDemo(world, ids);
  const route = createRouter(world);
  const cloud: Cloud = {
    fetch: (request) => route(request),
    demo,
    subscribe: (listener) => trace.subscribe(listener),
    snapshot: () => ({ version: 1, region, ids, random: random.save(), state: JSON.stringify(world.state), keys }),
    connect: (url, protocol = 'graphql-ws') => connectRealtime(world, url, protocol),
  };
  worldsForTests.set(cloud, world);
  return cloud;
}
