import type { Caller } from '../../src/sim/auth/caller';
import { createRandom } from '../../src/sim/core/random';
import type { RequestContext } from '../../src/sim/core/service';
import { createTraceHub, type TraceEvent } from '../../src/sim/core/trace';
import { AwsError } from '../../src/sim/core/errors';
import { restJsonProtocol } from '../../src/sim/protocol/registry';
import { serve } from '../../src/sim/protocol/wire-protocol';
import { createSyncHandler } from '../../src/sim/services/cognito-sync/handler';
import { createCognitoSyncState } from '../../src/sim/services/cognito-sync/state';
import type { World } from '../../src/sim/world';

/**
 * A stand-in cloud that runs only the real Cognito Sync handler, with SigV4 and IAM replaced by a
 * table of known access keys and an allow/deny switch. Used until (and beside) the shared SigV4/IAM
 * engine: the service logic under test is the real one.
 */
export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '123456789012';
export const TEST_POOL = 'us-east-1:0a1b2c3d-0000-4000-8000-000000000001';

export interface TestIdentity {
  identityId: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

export function createSyncTestCloud(now: () => number) {
  const world = {
    region: TEST_REGION,
    accountId: TEST_ACCOUNT,
    now,
    random: createRandom('sync-tests'),
    trace: createTraceHub(),
    state: { cognitoSync: createCognitoSyncState() },
  } as unknown as World;
  const callers = new Map<string, Caller>();
  const denied = new Set<string>();
  const events: TraceEvent[] = [];
  world.trace.subscribe((e) => events.push(e));
  let n = 0;
  const handler = createSyncHandler({
    async authenticate(request) {
      const auth = request.headers.get('authorization') ?? '';
      const key = /Credential=([^/]+)\//.exec(auth)?.[1];
      const caller = key ? callers.get(key) : undefined;
      if (!caller)
        throw new AwsError(
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
          { status: 403 },
        );
      return caller;
    },
    evaluate(req) {
      const deny = denied.has(req.action);
      return {
        decision: deny ? 'ImplicitDeny' : 'Allow',
        reason: deny ? 'test deny' : 'test allow',
        policies: [],
      };
    },
  });
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.hostname !== `cognito-sync.${TEST_REGION}.amazonaws.com`) throw new TypeError('fetch failed');
    const requestId = world.random.uuid();
    const ctx: RequestContext = {
      world,
      requestId,
      service: 'cognito-sync',
      emit: (kind, summary, detail) =>
        world.trace.emit({ requestId, service: 'cognito-sync', kind, summary, detail, at: now() }),
    };
    // The handler throws; the engine's one catch answers in REST-JSON, as cloud.ts does.
    return serve(
      { service: 'cognito-sync', protocol: restJsonProtocol, matches: () => true, handle: handler },
      request,
      ctx,
    );
  };
  /** Mints "identity credentials" for a new Cognito identity (what GetCredentialsForIdentity would give). */
  const newIdentity = (identityId = `${TEST_REGION}:${world.random.uuid()}`): TestIdentity => {
    n += 1;
    const accessKeyId = `ASIATEST${String(n).padStart(12, '0')}`;
    callers.set(accessKeyId, {
      accessKeyId,
      kind: 'assumed-role',
      arn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/AtlasAuthenticatedRole/CognitoIdentityCredentials`,
      userId: 'AROATEST:CognitoIdentityCredentials',
      accountId: TEST_ACCOUNT,
      principal: { type: 'AWS', identifiers: [], accountId: TEST_ACCOUNT },
      identityPolicies: [],
      sessionPolicies: [],
      context: {
        'cognito-identity.amazonaws.com:sub': identityId,
        'cognito-identity.amazonaws.com:aud': TEST_POOL,
      },
      source: 'AssumeRoleWithWebIdentity',
    });
    return {
      identityId,
      credentials: { accessKeyId, secretAccessKey: `secret${n}`, sessionToken: `token${n}` },
    };
  };
  return { world, fetch, newIdentity, events, deny: (action: string) => denied.add(action) };
}

export type SyncTestCloud = ReturnType<typeof createSyncTestCloud>;
