/**
 * One failure per wire protocol, driven through the SDK clients (or fetch, where AWS has no SDK
 * protocol for the endpoint), checking what a client reads: the code, the status and the shape of the
 * reply. Then a bug (a thrown TypeError) behind each protocol: it must come back as that protocol's own
 * 500 internal failure, never as JSON behind an XML protocol.
 */
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoSyncClient, ListDatasetsCommand } from '@aws-sdk/client-cognito-sync';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { RequestContext, ServiceRoute } from '../../src/sim/core/service';
import { createRandom } from '../../src/sim/core/random';
import { createTraceHub, type TraceEvent } from '../../src/sim/core/trace';
import { PROTOCOLS } from '../../src/sim/protocol/registry';
import { serve } from '../../src/sim/protocol/wire-protocol';
import type { World } from '../../src/sim/world';
import { createCloudHandler, createTestClock } from '../support/cloud-handler';
import { createEndpointWorld, type FixtureCredentials } from '../endpoints/fixtures';

interface Raw {
  status: number;
  headers: Headers;
  body: string;
}

/** The endpoint world, with the last raw reply kept so a test can see the wire beside what the SDK parsed. */
async function setup() {
  const clock = createTestClock();
  const w = await createEndpointWorld(clock.now);
  const last: { reply?: Raw } = {};
  const fetch = async (request: Request) => {
    const response = await w.cloud.fetch(request);
    last.reply = { status: response.status, headers: response.headers, body: await response.clone().text() };
    return response;
  };
  const config = (credentials?: FixtureCredentials) => ({
    region: w.cloud.demo.region,
    requestHandler: createCloudHandler({ fetch }),
    credentials: credentials ?? { accessKeyId: 'AKIDUNSIGNEDPLACEHOLDER', secretAccessKey: 'unused' },
    maxAttempts: 1,
    systemClockOffset: clock.now() - Date.now(),
  });
  return { w, fetch, config, raw: () => last.reply as Raw };
}

interface SdkFailure {
  name: string;
  message: string;
  $fault: string;
  $metadata: { httpStatusCode?: number };
}

async function failure(promise: Promise<unknown>): Promise<SdkFailure> {
  try {
    await promise;
  } catch (error) {
    return error as SdkFailure;
  }
  throw new Error('expected the call to fail');
}

const UNKNOWN_KEY = {
  accessKeyId: 'AKIAUNKNOWN000000000',
  secretAccessKey: 'nobody/knows/this/key/00000000000000000',
};

describe('one failure per protocol, as the SDK reads it', () => {
  it('JSON 1.1 (Cognito user pools): __type and message, x-amzn-ErrorType with its colon, 400', async () => {
    const { w, config, raw } = await setup();
    const idp = new CognitoIdentityProviderClient(config());
    const err = await failure(
      idp.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: w.cloud.demo.userPool.clientId,
          AuthParameters: {
            USERNAME: w.cloud.demo.userPool.users[0]?.username ?? '',
            PASSWORD: 'wrong-Password-1',
          },
        }),
      ),
    );
    expect([err.name, err.message, err.$fault, err.$metadata.httpStatusCode]).toEqual([
      'NotAuthorizedException',
      'Incorrect username or password.',
      'client',
      400,
    ]);
    expect(raw().headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
    expect(JSON.parse(raw().body)).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('JSON 1.1 (SSM): ParameterNotFound, 400, after the signature is checked', async () => {
    const { w, config, raw } = await setup();
    const err = await failure(
      new SSMClient(config(w.user)).send(new GetParameterCommand({ Name: '/atlas/none' })),
    );
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['ParameterNotFound', 400]);
    expect(JSON.parse(raw().body).__type).toBe('ParameterNotFound');
  });

  it('Query (STS): an XML ErrorResponse with Type, Code, Message and RequestId', async () => {
    const { config, raw } = await setup();
    const err = await failure(new STSClient(config(UNKNOWN_KEY)).send(new GetCallerIdentityCommand({})));
    expect([err.name, err.$fault, err.$metadata.httpStatusCode]).toEqual([
      'InvalidClientTokenId',
      'client',
      403,
    ]);
    expect(raw().headers.get('content-type')).toBe('text/xml');
    expect(raw().body).toMatch(
      /<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidClientTokenId<\/Code><Message>.+<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
    );
  });

  it('REST-XML (S3): an <Error> document carrying the reply’s own request id and HostId; HEAD has no body', async () => {
    const { w, config, raw } = await setup();
    const s3 = new S3Client({ ...config(w.user), forcePathStyle: true });
    const err = await failure(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket-atlas', Key: 'k' })));
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['NoSuchBucket', 404]);
    const reply = raw();
    expect(reply.headers.get('content-type')).toBe('application/xml');
    const requestId = reply.headers.get('x-amz-request-id') ?? '';
    const hostId = reply.headers.get('x-amz-id-2') ?? '';
    expect(requestId).toMatch(/^[0-9A-Z]{16}$/);
    expect(hostId.length).toBeGreaterThan(0);
    expect(reply.body).toContain(
      `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>no-such-bucket-atlas</BucketName><RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`,
    );
    const head = await failure(s3.send(new HeadObjectCommand({ Bucket: 'no-such-bucket-atlas', Key: 'k' })));
    expect(head.$metadata.httpStatusCode).toBe(404);
    expect(raw().body).toBe('');
  });

  it('REST-JSON (Cognito Sync): x-amzn-ErrorType and {"message"}', async () => {
    const { w, config, raw } = await setup();
    const sync = new CognitoSyncClient(config(w.alice));
    const err = await failure(
      sync.send(
        new ListDatasetsCommand({
          IdentityPoolId: w.cloud.demo.identityPool.id,
          IdentityId: w.bob.identityId,
        }),
      ),
    );
    // IAM decides before the "own data only" rule: Alice's role allows only her own identity's datasets.
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 403]);
    expect(raw().headers.get('x-amzn-errortype')).toBe('AccessDeniedException:');
    expect(JSON.parse(raw().body)).toEqual({ message: err.message });
    expect(err.message).toMatch(
      /^User: .+ is not authorized to perform: cognito-sync:ListDatasets on resource: /,
    );
  });

  it('API Gateway: a gateway response with x-amzn-ErrorType and the x-amz-apigw-id of the reply', async () => {
    const { w, fetch } = await setup();
    const response = await fetch(new Request(`${w.cloud.demo.api.url.replace(/\/$/, '')}/no/such/resource`));
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(response.headers.get('x-amz-apigw-id')).toMatch(/^[A-Za-z0-9+/=]{16}$/);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('AppSync: a request-level refusal as {"errors":[{"errorType","message"}]} with its status', async () => {
    const { w, fetch } = await setup();
    const appSync = w.cloud.demo.appSync;
    if (!appSync) throw new Error('the demo has an AppSync API');
    const response = await fetch(
      new Request(appSync.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ listItems { items { id } } }' }),
      }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(await response.json()).toEqual({
      errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }],
    });
  });
});

/** A cloud of one route whose handler has a bug, answering in the given protocol. */
function brokenCloud(protocol: ServiceRoute['protocol'], newRequestId?: ServiceRoute['newRequestId']) {
  const trace = createTraceHub();
  const events: TraceEvent[] = [];
  trace.subscribe((e) => events.push(e));
  const world = {
    region: 'us-east-1',
    now: () => 0,
    random: createRandom('broken'),
    trace,
  } as unknown as World;
  const route: ServiceRoute = {
    service: 'broken',
    protocol,
    matches: () => true,
    handle: async () => {
      throw new TypeError('a bug in the simulation');
    },
  };
  const fetch = (request: Request) => {
    const requestId = newRequestId?.(world) ?? world.random.uuid();
    const ctx: RequestContext = {
      world,
      requestId,
      extendedRequestId: 'HOSTID',
      service: 'broken',
      emit: (kind, summary, detail) =>
        trace.emit({ requestId, service: 'broken', kind, summary, detail, at: 0 }),
    };
    return serve(route, request, ctx);
  };
  return { fetch, events };
}

const sdk = (cloud: { fetch: (r: Request) => Promise<Response> }) => ({
  region: 'us-east-1',
  requestHandler: createCloudHandler(cloud),
  credentials: UNKNOWN_KEY,
  maxAttempts: 1,
});

describe('a bug behind each protocol answers that protocol’s internal failure', () => {
  it('JSON 1.1: InternalErrorException, 500, server fault; recorded with its stack', async () => {
    const cloud = brokenCloud(PROTOCOLS['json-1.1']);
    const err = await failure(
      new CognitoIdentityProviderClient(sdk(cloud)).send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: {} }),
      ),
    );
    expect([err.name, err.$fault, err.$metadata.httpStatusCode]).toEqual([
      'InternalErrorException',
      'server',
      500,
    ]);
    const recorded = cloud.events.find((e) => e.kind === 'error');
    expect((recorded?.detail as { stack?: string } | undefined)?.stack).toContain('a bug in the simulation');
  });

  it('Query: InternalFailure in an XML ErrorResponse, never JSON', async () => {
    const err = await failure(
      new STSClient(sdk(brokenCloud(PROTOCOLS.query))).send(new GetCallerIdentityCommand({})),
    );
    expect([err.name, err.$fault, err.$metadata.httpStatusCode]).toEqual(['InternalFailure', 'server', 500]);
  });

  it('REST-XML: S3’s InternalError document', async () => {
    const err = await failure(
      new S3Client({ ...sdk(brokenCloud(PROTOCOLS['rest-xml'])), forcePathStyle: true }).send(
        new GetObjectCommand({ Bucket: 'b', Key: 'k' }),
      ),
    );
    expect([err.name, err.$fault, err.$metadata.httpStatusCode]).toEqual(['InternalError', 'server', 500]);
  });

  it('REST-JSON: InternalErrorException, as the Cognito Sync model names its server fault', async () => {
    const err = await failure(
      new CognitoSyncClient(sdk(brokenCloud(PROTOCOLS['rest-json']))).send(
        new ListDatasetsCommand({
          IdentityPoolId: 'us-east-1:0a1b2c3d-0000-4000-8000-000000000001',
          IdentityId: 'us-east-1:0a1b2c3d-0000-4000-8000-000000000002',
        }),
      ),
    );
    expect([err.name, err.$fault, err.$metadata.httpStatusCode]).toEqual([
      'InternalErrorException',
      'server',
      500,
    ]);
  });

  it('API Gateway, AppSync and the plain JSON endpoints: a JSON 500 in their own shapes', async () => {
    const gateway = await brokenCloud(PROTOCOLS['api-gateway']).fetch(new Request('https://x.test/'));
    expect([gateway.status, gateway.headers.get('x-amzn-errortype'), await gateway.json()]).toEqual([
      500,
      'InternalServerErrorException',
      { message: 'Internal server error' },
    ]);
    const appsync = await brokenCloud(PROTOCOLS['appsync-graphql']).fetch(new Request('https://x.test/'));
    expect([appsync.status, (await appsync.json()).errors[0].errorType]).toEqual([500, 'InternalFailure']);
    const plain = await brokenCloud(PROTOCOLS['plain-json']).fetch(new Request('https://x.test/'));
    expect([plain.status, await plain.json()]).toEqual([500, { message: 'Internal server error' }]);
  });
});
