import { GetParameterCommand, SSMClient, SSMServiceException } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { createTestClock, sdkConfig } from '../support/cloud-handler';
import { createEndpointWorld, type FixtureCredentials } from './fixtures';

async function setup() {
  const clock = createTestClock();
  const w = await createEndpointWorld(clock.now);
  const ssm = (creds: FixtureCredentials) =>
    new SSMClient({ ...sdkConfig(w.cloud, creds), systemClockOffset: clock.now() - Date.now() });
  return { clock, w, ssm };
}

async function failure(promise: Promise<unknown>): Promise<SSMServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SSMServiceException) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('ssm GetParameter', () => {
  it('returns the greeting to a basic-flow guest (no scope-down session policy)', async () => {
    const { clock, w, ssm } = await setup();
    const out = await ssm(w.guestBasic).send(
      new GetParameterCommand({ Name: '/atlas/public/greeting', WithDecryption: true }),
    );
    expect(out.Parameter).toEqual({
      Name: '/atlas/public/greeting',
      Type: 'String',
      Value: 'Hello from Parameter Store!',
      Version: 1,
      LastModifiedDate: new Date(clock.now()),
      ARN: `arn:aws:ssm:us-east-1:${w.accountId}:parameter/atlas/public/greeting`,
      DataType: 'text',
    });
  });

  it('denies an enhanced-flow guest because no session policy allows ssm:GetParameter', async () => {
    const { w, ssm } = await setup();
    const err = await failure(
      ssm(w.guestEnhanced).send(new GetParameterCommand({ Name: '/atlas/public/greeting' })),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(
      `User: ${w.guestEnhanced.arn} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:${w.accountId}:parameter/atlas/public/greeting because no session policy allows the ssm:GetParameter action`,
    );
    const decision = w.events.find((e) => e.kind === 'iam.decision')?.detail as {
      result: {
        decision: string;
        missingAllowIn: string;
        policies: { layer: string; name: string; outcome: string }[];
      };
    };
    expect(decision.result.decision).toBe('ImplicitDeny');
    expect(decision.result.missingAllowIn).toBe('session');
    // The identity policy allowed; every session policy (the scope-down) matched nothing.
    expect(decision.result.policies.filter((p) => p.layer === 'identity').map((p) => p.outcome)).toEqual([
      'Allow',
    ]);
    expect(
      decision.result.policies.filter((p) => p.layer === 'session').every((p) => p.outcome === 'NoMatch'),
    ).toBe(true);
  });

  it('answers ParameterNotFound for a name that does not exist', async () => {
    const { w, ssm } = await setup();
    const err = await failure(ssm(w.user).send(new GetParameterCommand({ Name: '/atlas/missing' })));
    expect(err.name).toBe('ParameterNotFound');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an unknown access key as a JSON service does', async () => {
    const { ssm } = await setup();
    const err = await failure(
      ssm({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) }).send(
        new GetParameterCommand({ Name: '/atlas/public/greeting' }),
      ),
    );
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
  });
});
