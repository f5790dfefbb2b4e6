import { describe, expect, it } from 'vitest';
import { createPlayer } from '../../player/create-player';
import { findScenario } from '../../scenarios/catalog';
import { enhancedFlow, guestFlow } from '../../scenarios/flows';
import { createCloud } from '../../sim/index';
import { componentFacts } from './component-facts';

describe('componentFacts', () => {
  it('lists the steps that touch a box and what part it plays in each', () => {
    const facts = componentFacts('identityPool', enhancedFlow, undefined, []);
    expect(facts.what).toMatch(/identity pool/);
    expect(facts.steps.map((s) => s.role)).toEqual(['answers', 'answers']);
    expect(componentFacts('iam', enhancedFlow, undefined, []).steps.every((s) => s.role !== 'sends')).toBe(
      true,
    );
  });

  it('says the app holds nothing before the first step', () => {
    expect(componentFacts('app', enhancedFlow, undefined, []).holds).toEqual([
      ['Nothing yet', 'no token, no identity, no credentials'],
    ]);
  });

  it('keeps the Admin API backend’s role credentials off the browser app’s list', () => {
    const role = { accessKeyId: 'ASIAROLE', secretAccessKey: 's', sessionToken: 't', expiration: 1 };
    const entries = [
      {
        index: 4,
        stepId: 'answer-new-password',
        at: 0,
        outcome: 'success' as const,
        events: [],
        held: { idToken: 'id', accessToken: 'access', refreshToken: 'r', credentials: role },
      },
    ];
    const scenario = findScenario('admin-api-backend');
    if (!scenario) throw new Error('admin-api-backend is missing');
    expect(componentFacts('app', scenario, undefined, entries).holds).toEqual([
      ['ID token', 'yes (JWT from the user pool)'],
      ['Access token', 'yes (JWT from the user pool)'],
    ]);
    expect(componentFacts('developer', scenario, undefined, entries).holds).toContainEqual([
      'Temporary role key',
      'ASIAROLE',
    ]);
    // STS issued them, whoever keeps them.
    expect(componentFacts('sts', scenario, undefined, entries).holds).toContainEqual([
      'Credentials issued',
      'ASIAROLE',
    ]);
  });

  it('shows what the app holds from the latest trace entry', () => {
    const holds = componentFacts('app', enhancedFlow, undefined, [
      {
        index: 0,
        stepId: 'sign-in',
        at: 0,
        outcome: 'success',
        events: [],
        held: { idToken: 'x', identityId: 'us-east-1:abc' },
      },
    ]).holds;
    expect(holds).toEqual([
      ['ID token', 'yes (JWT from the user pool)'],
      ['Identity id', 'us-east-1:abc'],
    ]);
  });

  it("names the roles this run's STS calls asked for, and no role the scenario never uses", async () => {
    const holdsAfterRun = async (id: string) => {
      const scenario = findScenario(id);
      if (!scenario) throw new Error(id);
      const player = createPlayer({ scenario, createCloud });
      await player.seek(scenario.steps.length);
      return componentFacts('sts', scenario, undefined, player.getSnapshot().entries).holds;
    };
    const direct = await holdsAfterRun('sts-web-identity');
    expect(direct).toContainEqual([
      'Roles asked for so far',
      expect.stringMatching(/:role\/AtlasWebIdentityRole$/),
    ]);
    // The guest flow's STS call is made inside the identity pool: no request of the run names a role.
    const guest = await holdsAfterRun(guestFlow.id);
    expect(guest.map(([label]) => label)).not.toContain('Roles asked for so far');
    expect(JSON.stringify(guest)).not.toContain('AtlasWebIdentityRole');
  });
});
