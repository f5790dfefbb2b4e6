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
import { createRandom } from './core/random';
import { createRequestQueue } from './core/request-queue';
import { createTraceHub } from './core/trace';
import { worldsForTests } from './core/world-registry';
import { buildDemo, seedDemoWorld } from './demo';
import { drawDemoIds } from './demo/ids';
import { createIamState } from './iam/state';
import { addPublishListener, deliverPublished } from './services/appsync/realtime-hub';
import { connectRealtime } from './services/appsync/route';
import { createAppSyncState } from './services/appsync/state';
import { createIdentityPoolState } from './services/cognito-identity/state';
import { createCognitoOAuthState } from './services/cognito-idp/oauth/state';
import { createUserPoolState } from './services/cognito-idp/state';
import { createCognitoSyncState } from './services/cognito-sync/state';
import { createExecuteApiState } from './services/execute-api/state';
import { createGoogleState } from './services/idp-google/state';
import { createSamlCertificate } from './services/idp-saml/certificate';
import { createSamlState } from './services/idp-saml/state';
import { createS3State } from './services/s3/state';
import { createSsmState } from './services/ssm/state';
import { createStsState } from './services/sts/state';
import { createKeyRing } from './tokens/keys';
import type { Cloud, CloudOptions, Demo } from './types';
import type { World, WorldState } from './world';

export type { TraceEvent, TraceListener } from './core/trace';
// The policy evaluator and the data it needs, for clients that reason about a world's policies
// without sending requests (src/stack's access matrix). The same functions the services call.
export { evaluate } from './iam/evaluate';
export { AWS_MANAGED_POLICIES } from './iam/managed/aws-managed';
export { cognitoGuestSessionPolicies } from './iam/managed/cognito-guest';
/** IAM's grammar check of a policy document (MalformedPolicyDocument's reasons), for importers. */
export {
  POLICY_ELEMENTS,
  type PolicyKind,
  STATEMENT_ELEMENTS,
  SYNTAX_ERROR,
  validatePolicyDocument,
} from './iam/parse';
export type { IamManagedPolicy, IamRole, IamState, IamUser } from './iam/state';
export type {
  AuthorizationRequest,
  EvaluationResult,
  NamedPolicy,
  PolicyDocument,
  PolicyStatement,
  PolicyValue,
} from './iam/types';
export type { SimSocket } from './services/appsync/realtime';
export type { PublishedEvent } from './services/appsync/realtime-hub';
export type { ConflictHandler, GraphqlApi } from './services/appsync/state';
export type { IdentityPoolConfig, MappingRule, RoleMapping } from './services/cognito-identity/state';
export { clientMayWrite, isPoolAttribute } from './services/cognito-idp/client-attributes';
export type {
  GroupOverrideDetails,
  PassOrRejectBehaviour,
  PreSignUpBehaviour,
  PreTokenGenerationBehaviour,
  PreTokenGenerationV1,
  PreTokenGenerationV2,
  UserPoolTriggerConfig as UserPoolTriggers,
} from './services/cognito-idp/lambda-trigger-types';
export { DEFAULT_PASSWORD_POLICY } from './services/cognito-idp/password';
export type { AppClientRecord, GroupRecord, PoolRecord } from './services/cognito-idp/state';
export type { ApiMethod, CognitoAuthorizer, RestApi } from './services/execute-api/state';
export type { S3Bucket } from './services/s3/state';
export type { SsmParameter } from './services/ssm/state';
export { STS_OPERATIONS, type StsOperationDefinition } from './services/sts/definitions';
export type { Cloud, CloudOptions, CloudSnapshot, Demo, UserPoolSignIn, WorldSeed } from './types';
export type { WorldState } from './world';

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
  const federation = demo.federation;
  if (federation) {
    const { googleIdToken, samlResponse } = federation;
    federation.googleIdToken = (clientId, email) => exclusive(() => googleIdToken(clientId, email));
    federation.samlResponse = (options) => exclusive(() => samlResponse(options));
  }
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
    if (options.runSeed !== undefined) {
      world.random = createRandom(`${options.seed ?? 'identity-atlas'}|run|${options.runSeed}`);
    }
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
// The demo identity pool's developer provider name: the Logins key a backend sends to
// GetOpenIdTokenForDeveloperIdentity (the developer-identities lesson names it in its calls).
export { DEMO_DEVELOPER_PROVIDER } from './demo/identity-pool';
