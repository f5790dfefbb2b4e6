import { describe, expect, it, vi } from 'vitest';
import { enhancedFlow } from '../../scenarios/flows';
import { buildGraph } from './build-graph';
import { stepDataOf, structureOf, warmStepData } from './step-data';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const at = (position: number) => buildGraph({ scenario: enhancedFlow, entries: [], position, clock: T0 });

describe('structureOf', () => {
  it('is the same drawing at every step: React Flow sees no change when the reader moves', () => {
    expect(structureOf(at(3))).toEqual(structureOf(at(0)));
    const { nodes, edges } = structureOf(at(2));
    expect(nodes.every((n) => Object.keys(n.data).join() === 'actor')).toBe(true);
    expect(edges.every((e) => Object.keys(e.data ?? {}).length === 0)).toBe(true);
  });
});

describe('stepDataOf', () => {
  it('keeps the previous object for every box and line a step did not change', () => {
    const before = stepDataOf(at(0));
    const same = stepDataOf(at(0), before);
    for (const [id, data] of before.nodes) expect(same.nodes.get(id)).toBe(data);
    for (const [id, data] of before.edges) expect(same.edges.get(id)).toBe(data);
  });

  it('replaces only what a step changed', () => {
    const before = stepDataOf(at(0));
    const after = stepDataOf(at(1), before);
    const changed = <T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>) =>
      [...b].filter(([id, data]) => a.get(id) !== data).map(([id]) => id);
    // Step 1 is the app signing in at the user pool: those two boxes and their line change, nothing else.
    expect(changed(before.nodes, after.nodes)).toEqual(['app', 'userPool']);
    expect(after.nodes.get('userPool')?.active).toBe(true);
    expect(changed(before.edges, after.edges)).toEqual(['app->userPool']);
    expect(after.edges.get('app->userPool')?.state).toBe('active');
  });

  it('compares only strings made ahead once the steps were warmed in idle time', () => {
    const shown = at(0);
    const next = at(1);
    for (const graph of [shown, next]) warmStepData(graph);
    const before = stepDataOf(shown);
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const after = stepDataOf(next, before);
      expect(stringify).not.toHaveBeenCalled();
      expect(after.nodes.get('userPool')).not.toBe(before.nodes.get('userPool'));
    } finally {
      stringify.mockRestore();
    }
    // Without warming, the same comparison makes the new step's JSON there and then.
    const cold = at(1);
    const counted = vi.spyOn(JSON, 'stringify');
    try {
      stepDataOf(cold, before);
      expect(counted.mock.calls.length).toBeGreaterThan(0);
    } finally {
      counted.mockRestore();
    }
  });
});
