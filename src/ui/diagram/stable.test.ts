import { describe, expect, it } from 'vitest';
import { enhancedFlow } from '../../scenarios/flows';
import { buildGraph } from './build-graph';
import { reuseUnchanged } from './stable';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

describe('reuseUnchanged', () => {
  it('keeps the very same array when nothing changed', () => {
    const a = buildGraph({ scenario: enhancedFlow, entries: [], position: 0, clock: T0 });
    const b = buildGraph({ scenario: enhancedFlow, entries: [], position: 0, clock: T0 });
    expect(reuseUnchanged(a.nodes, b.nodes)).toBe(a.nodes);
    expect(reuseUnchanged(a.edges, b.edges)).toBe(a.edges);
  });

  it('replaces only what a step changed', () => {
    const before = buildGraph({ scenario: enhancedFlow, entries: [], position: 0, clock: T0 });
    const after = buildGraph({ scenario: enhancedFlow, entries: [], position: 1, clock: T0 });
    const nodes = reuseUnchanged(before.nodes, after.nodes);
    const changed = nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    // Step 1 is the app signing in at the user pool: those two boxes light up, nothing else.
    expect(changed).toEqual(['app', 'userPool']);
    expect(nodes.find((n) => n.id === 'userPool')?.data.active).toBe(true);
    const edges = reuseUnchanged(before.edges, after.edges);
    expect(edges.filter((e, i) => e !== before.edges[i]).map((e) => e.id)).toEqual(['app->userPool']);
  });
});
