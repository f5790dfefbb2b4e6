import { describe, expect, it } from 'vitest';
import { enhancedFlow, guestFlow } from '../scenarios/flows';
import { createCloud } from '../sim/index';
import { createPlayer } from './create-player';
import { SIMULATION_START, STEP_GAP_MS } from './timeline';

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
});
