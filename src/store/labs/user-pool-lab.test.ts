import { describe, expect, it } from 'vitest';
import { SIMULATION_START, STEP_GAP_MS } from '../../player/timeline';
import { type Cloud, type CloudOptions, createCloud } from '../../sim/index';
import { LabReplayError, parseFailure, startUserPoolLab } from './user-pool-lab';

describe('user pool lab (the sign-up view model)', () => {
  it('sends raw JSON 1.1 calls to a fresh cloud on the explainer clock, and sees the mail the pool sends', async () => {
    const lab = await startUserPoolLab(createCloud);
    expect(lab.inbox()).toEqual([]);
    const call = await lab.call('SignUp', {
      ClientId: lab.clientId,
      Username: 'newcomer',
      Password: 'Correct-Horse-9',
      UserAttributes: [{ Name: 'email', Value: 'newcomer@example.com' }],
    });
    expect(call.error).toBeUndefined();
    expect(call.body?.UserConfirmed).toBe(false);
    expect(call.entry.at).toBe(SIMULATION_START + STEP_GAP_MS);
    expect(call.entry.request?.headers).toContainEqual([
      'x-amz-target',
      'AWSCognitoIdentityProviderService.SignUp',
    ]);
    expect(lab.inbox()).toHaveLength(1);
  });

  it('an AWS error comes back as its code and message, with the reason phrase the wire view shows', async () => {
    const lab = await startUserPoolLab(createCloud);
    const call = await lab.call('SignUp', {
      ClientId: lab.clientId,
      Username: 'newcomer',
      Password: 'alllowercase',
      UserAttributes: [{ Name: 'email', Value: 'newcomer@example.com' }],
    });
    expect(call.error?.code).toBe('InvalidPasswordException');
    expect(lab.inbox()).toEqual([]);
    expect(call.entry.response?.statusText).toBe('Bad Request');
  });

  it('a fresh lab given the actions of another builds the same pool: same answers, tokens and mail', async () => {
    const first = await startUserPoolLab(createCloud);
    const calls = [
      await first.call('SignUp', {
        ClientId: first.clientId,
        Username: 'newcomer',
        Password: 'Correct-Horse-9',
        UserAttributes: [{ Name: 'email', Value: 'newcomer@example.com' }],
      }),
    ];
    const code = first.inbox()[0]?.code;
    first.setTriggers({
      preTokenGeneration: { version: 'V1_0', claimsToAddOrOverride: { tenant: 'atlas' } },
    });
    calls.push(
      await first.call('ConfirmSignUp', {
        ClientId: first.clientId,
        Username: 'newcomer',
        ConfirmationCode: code,
      }),
      await first.call('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: first.clientId,
        AuthParameters: { USERNAME: 'newcomer', PASSWORD: 'Correct-Horse-9' },
      }),
    );
    expect(calls.map((c) => c.error)).toEqual([undefined, undefined, undefined]);
    expect(first.actions().map((a) => (a.kind === 'call' ? a.operation : a.kind))).toEqual([
      'SignUp',
      'triggers',
      'ConfirmSignUp',
      'InitiateAuth',
    ]);

    const again = await startUserPoolLab(createCloud, first.actions());
    expect(again.replayed.map((c) => c.entry.response?.body)).toEqual(
      calls.map((c) => c.entry.response?.body),
    );
    expect(again.inbox()).toEqual(first.inbox());
    expect(again.getTriggers()).toEqual(first.getTriggers());
    // And it goes on from there: the token the first lab issued is this pool's too.
    const tokens = calls[2]?.body?.AuthenticationResult as { AccessToken: string };
    const user = await again.call('GetUser', { AccessToken: tokens.AccessToken });
    expect(user.body?.Username).toBe('newcomer');
    expect(again.actions()).toHaveLength(5);
  });

  it('a replay that throws is a LabReplayError naming the action; a cloud that cannot be made is not', async () => {
    const first = await startUserPoolLab(createCloud);
    for (const username of ['one', 'two']) {
      await first.call('SignUp', {
        ClientId: first.clientId,
        Username: username,
        Password: 'Correct-Horse-9',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      });
    }
    // The second call fails below the wire (as a bug in the engine would), not with an AWS error.
    const breaksOnSecondCall = async (options: CloudOptions): Promise<Cloud> => {
      const cloud = await createCloud(options);
      const fetch = cloud.fetch.bind(cloud);
      let calls = 0;
      return Object.assign(cloud, {
        fetch: (request: Request) => (++calls === 2 ? Promise.reject(new TypeError('boom')) : fetch(request)),
      });
    };
    const failed = await startUserPoolLab(breaksOnSecondCall, first.actions()).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(LabReplayError);
    expect((failed as LabReplayError).at).toBe(1);
    expect((failed as LabReplayError).message).toContain('boom');

    const offline = new TypeError('Failed to fetch dynamically imported module');
    const noEngine = await startUserPoolLab(() => Promise.reject(offline), first.actions()).catch(
      (e: unknown) => e,
    );
    expect(noEngine).toBe(offline);
  });

  it('a replay makes the pool with the same sign-in choice before its calls', async () => {
    const lab = await startUserPoolLab(createCloud);
    lab.setSignIn('email');
    const first = await lab.call('SignUp', {
      ClientId: lab.clientId,
      Username: 'zoe@example.com',
      Password: 'Correct-Horse-9',
      UserAttributes: [],
    });
    expect(first.error).toBeUndefined();
    const again = await startUserPoolLab(createCloud, lab.actions());
    expect(again.getSignIn()).toBe('email');
    expect(again.replayed[0]?.body?.UserSub).toBe(first.body?.UserSub);
    // Without the recorded choice the pool signs users in by username.
    const plain = await startUserPoolLab(
      createCloud,
      lab.actions().filter((a) => a.kind !== 'signIn'),
    );
    expect(plain.getSignIn()).toBe('username');
  });

  it('reads both shapes of __type', () => {
    expect(parseFailure('{"__type":"com.amazonaws#CodeMismatchException","message":"m"}', 400)).toEqual({
      code: 'CodeMismatchException',
      message: 'm',
    });
    expect(parseFailure('not json', 502).code).toBe('HTTP 502');
  });
});
