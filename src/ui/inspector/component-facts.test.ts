import { describe, expect, it } from 'vitest';
import { enhancedFlow } from '../../scenarios/flows';
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
});
