import { describe, expect, it } from 'vitest';
import { basicFlowGuest, enhancedFlow, googleDirect, guestFlow } from '../scenarios/flows';
import type { Scenario } from '../scenarios/types';
import { type CloudOptions, createCloud } from '../sim/index';
import { createPlayer } from './create-player';
import { formatUrlState, parseUrlState } from '../store/url-state';
import { MAX_CLOCK_JUMP_MS, MAX_CLOCK_JUMPS, SIMULATION_START, STEP_GAP_MS } from './timeline';

describe('createPlayer against the real engine', () => {
  it('records one entry per step with the request exactly as sent', async () => {
    const player = createPlayer({ scenario: enhancedFlow, createCloud });
    await player.step();
    const snap = player.getSnapshot();
    expect(snap.position).toBe(1);
    expect(snap.entries).toHaveLength(1);
    const entry = snap.entries[0]!;
    expect(entry.stepId).toBe('user-pool-sign-in');
    expect(entry.at).toBe(SIMULATION_START + STEP_GAP_MS);
    expect(entry.request?.method).toBe('POST');
    expect(entry.request?.url).toBe('https://cognito-idp.us-east-1.amazonaws.com/');
    expect(entry.request?.headers).toContainEqual([
      'x-amz-target',
      'AWSCognitoIdentityProviderService.InitiateAuth',
    ]);
    expect(JSON.parse(entry.request?.body ?? '{}')).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH' });
    // Whatever the engine answers, the entry says which kind of outcome it was, never a silent gap.
    expect(['success', 'aws-error', 'network-error']).toContain(entry.outcome);
    if (entry.outcome === 'network-error') expect(entry.note).toMatch(/ENOTFOUND cognito-idp/);
    if (entry.response) expect(entry.requestId).toBeTruthy();
  });

  it('replays exactly: stepping back and forward again gives byte-identical entries', async () => {
    const straight = createPlayer({ scenario: enhancedFlow, createCloud });
    await straight.seek(enhancedFlow.steps.length);
    const replayed = createPlayer({ scenario: enhancedFlow, createCloud });
    await replayed.seek(3);
    await replayed.seek(1);
    expect(replayed.getSnapshot().entries).toHaveLength(1);
    await replayed.seek(enhancedFlow.steps.length);
    expect(JSON.stringify(replayed.getSnapshot().entries)).toBe(
      JSON.stringify(straight.getSnapshot().entries),
    );
  });

  it('sends a guest GetId without Logins (step 1 is skipped for guests)', async () => {
    const player = createPlayer({ scenario: guestFlow, createCloud });
    await player.step();
    const entry = player.getSnapshot().entries[0]!;
    expect(entry.stepId).toBe('get-id');
    const body = JSON.parse(entry.request?.body ?? '{}');
    expect(body).not.toHaveProperty('Logins');
    expect(Object.keys(body)).toEqual(['IdentityPoolId']);
  });

  it('keeps a manual clock jump across a replay of the same position and drops it when seeking before it', async () => {
    const player = createPlayer({ scenario: enhancedFlow, createCloud });
    await player.seek(2);
    await player.advanceClock(60_000);
    const afterJump = player.getSnapshot().clock;
    expect(afterJump).toBe(SIMULATION_START + 2 * STEP_GAP_MS + 60_000);
    await player.step();
    expect(player.getSnapshot().entries[2]!.at).toBe(afterJump + STEP_GAP_MS);
    await player.seek(2);
    expect(player.getSnapshot().clock).toBe(afterJump);
    await player.seek(1);
    await player.seek(3);
    expect(player.getSnapshot().entries[2]!.at).toBe(SIMULATION_START + 3 * STEP_GAP_MS);
  });

  it('adds up clock moves at one position, so a link carries every click (20 moves at most)', async () => {
    const player = createPlayer({ scenario: enhancedFlow, createCloud });
    await player.seek(1);
    for (let i = 0; i < 25; i++) await player.advanceClock(5 * 60_000);
    expect(player.getSnapshot().clockJumps).toEqual([{ position: 1, ms: 125 * 60_000 }]);
    const link = formatUrlState({
      scenarioId: enhancedFlow.id,
      identity: 'userPool',
      step: 1,
      view: 'flow',
      clockJumps: player.getSnapshot().clockJumps,
    });
    expect(parseUrlState(link).clockJumps).toEqual([{ position: 1, ms: 125 * 60_000 }]);
    // Past a week at one position a new move starts; past twenty moves the clock no longer moves.
    for (let i = 0; i < 30 * 24; i++) await player.advanceClock(3_600_000);
    const jumps = player.getSnapshot().clockJumps;
    expect(jumps.length).toBeLessThanOrEqual(MAX_CLOCK_JUMPS);
    expect(jumps.every((j) => j.ms <= MAX_CLOCK_JUMP_MS)).toBe(true);
    expect(
      parseUrlState(
        formatUrlState({
          scenarioId: enhancedFlow.id,
          identity: 'userPool',
          step: 1,
          view: 'flow',
          clockJumps: jumps,
        }),
      ).clockJumps,
    ).toEqual(jumps);
    expect(player.getSnapshot().clock).toBe(
      SIMULATION_START + STEP_GAP_MS + jumps.reduce((t, j) => t + j.ms, 0),
    );
  });

  it('says what is missing when a step cannot be sent, instead of inventing a value', async () => {
    const player = createPlayer({ scenario: enhancedFlow, createCloud });
    await player.seek(enhancedFlow.steps.length);
    for (const entry of player.getSnapshot().entries) {
      if (entry.outcome === 'blocked') {
        expect(entry.request).toBeUndefined();
        expect(entry.note).toMatch(/^Not sent: it needs /);
      } else {
        expect(entry.request).toBeDefined();
      }
    }
  });

  it('reset returns to position 0 with the clock at the start', async () => {
    const player = createPlayer({ scenario: enhancedFlow, createCloud });
    await player.seek(2);
    await player.reset();
    expect(player.getSnapshot()).toMatchObject({
      position: 0,
      entries: [],
      clock: SIMULATION_START,
      busy: false,
    });
  });

  it('shows a step that throws as a failure with its message, and the flow goes on', async () => {
    const [first, second] = guestFlow.steps;
    const broken: Scenario = {
      ...guestFlow,
      id: 'broken',
      steps: [
        {
          ...(first as Scenario['steps'][number]),
          id: 'throws',
          run: async () => {
            throw new TypeError('cannot read the token');
          },
        },
        second as Scenario['steps'][number],
      ],
    };
    const player = createPlayer({ scenario: broken, createCloud });
    await player.step();
    expect(player.getSnapshot().entries[0]).toMatchObject({
      stepId: 'throws',
      outcome: 'failure',
      note: 'TypeError: cannot read the token',
    });
    await player.step();
    const snap = player.getSnapshot();
    expect(snap).toMatchObject({ position: 2, busy: false, error: undefined });
    // The second step ran against the engine (it needs an identity id it never got, so it says so).
    expect(['blocked', 'aws-error', 'success']).toContain(snap.entries[1]?.outcome);
  });

  /** The real engine's createCloud, counting its calls. */
  function countingClouds() {
    const count = { created: 0 };
    const create = (options: CloudOptions) => {
      count.created += 1;
      return createCloud(options);
    };
    return { count, create };
  }

  it('prepares the cloud ahead of the first step, once', async () => {
    const { count, create } = countingClouds();
    const player = createPlayer({ scenario: guestFlow, createCloud: create });
    await player.prepare();
    expect(count.created).toBe(1);
    expect(player.getSnapshot().demo?.region).toBe('us-east-1');
    await player.step();
    expect(count.created).toBe(1);
    expect(player.getSnapshot().position).toBe(1);
  });

  it('starts loading the engine in a task after the one that asked for it', async () => {
    const { count, create } = countingClouds();
    const player = createPlayer({ scenario: guestFlow, createCloud: create });
    const prepared = player.prepare();
    // Every microtask of this task runs first (a press handled with the reader's first act paints its
    // answer without the engine's import); the cloud is asked for in the next task.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(count.created).toBe(0);
    await prepared;
    expect(count.created).toBe(1);
  });

  it('a replay of several steps publishes where it lands, not every step on the way', async () => {
    const player = createPlayer({ scenario: guestFlow, createCloud });
    await player.seek(3);
    const seen: number[] = [];
    player.subscribe(() => seen.push(player.getSnapshot().position));
    await player.seek(1);
    await player.seek(4);
    // Back to 1 straight from the record (no empty trace on the way); then to 4: 2 and 3 are never drawn.
    expect([...new Set(seen)]).toEqual([1, 4]);
  });

  it('gives each scenario its own identity ids and access keys, on the same demo world', async () => {
    const ends = await Promise.all(
      [guestFlow, googleDirect, basicFlowGuest, enhancedFlow].map(async (scenario) => {
        const player = createPlayer({ scenario, createCloud });
        await player.seek(scenario.steps.length);
        const snap = player.getSnapshot();
        const held = snap.entries.at(-1)?.held;
        return {
          pool: snap.demo?.identityPool.id,
          identityId: held?.identityId,
          key: held?.credentials?.accessKeyId,
        };
      }),
    );
    expect(new Set(ends.map((e) => e.pool)).size).toBe(1);
    expect(ends.every((e) => e.identityId && e.key)).toBe(true);
    expect(new Set(ends.map((e) => e.identityId)).size).toBe(ends.length);
    expect(new Set(ends.map((e) => e.key)).size).toBe(ends.length);
  });
});
