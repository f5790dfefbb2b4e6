import { describe, expect, it } from 'vitest';
import { createPlayer, type TraceEntry } from '../../player/create-player';
import { enhancedFlow } from '../../scenarios/flows';
import { createCloud } from '../../sim/index';
import { buildGraph } from './build-graph';
import { createGraphCache, recordedStepInputs } from './graph-cache';
import { structureOf } from './step-data';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const entry = (index: number): TraceEntry => ({
  index,
  stepId: enhancedFlow.steps[index]?.id ?? '',
  at: T0,
  outcome: 'success',
  events: [],
  held: {},
});

describe('createGraphCache', () => {
  const base = { scenario: enhancedFlow, clock: T0, arrival: 'landed', orientation: 'horizontal' } as const;

  it('gives a step shown before its very graph again, equal to a fresh build', () => {
    const { graphFor } = createGraphCache();
    const run = [entry(0), entry(1)];
    const first = graphFor({ ...base, entries: run.slice(0, 2), position: 2 });
    graphFor({ ...base, entries: run.slice(0, 1), position: 1 });
    // A new array of the same recorded entries (as each seek publishes) is the same step.
    expect(graphFor({ ...base, entries: run.slice(0, 2), position: 2 })).toBe(first);
    expect(first).toEqual(buildGraph({ ...base, entries: run, position: 2 }));
  });

  it('builds again for another run, another clock or another arrival of the packet', () => {
    const { graphFor } = createGraphCache();
    const first = graphFor({ ...base, entries: [entry(0)], position: 1 });
    expect(graphFor({ ...base, entries: [entry(0)], position: 1 })).not.toBe(first);
    const run = [entry(0)];
    const shown = graphFor({ ...base, entries: run, position: 1 });
    expect(graphFor({ ...base, entries: run, position: 1, clock: T0 + 3_600_000 })).not.toBe(shown);
    expect(graphFor({ ...base, entries: run, position: 1, arrival: 'sending' })).not.toBe(shown);
    expect(graphFor({ ...base, entries: run, position: 1, orientation: 'vertical' })).not.toBe(shown);
  });

  it('keeps one structure per scenario and orientation, equal to any step graph stripped of its step data', () => {
    const { graphFor, structureFor } = createGraphCache();
    const run = [entry(0), entry(1)];
    const first = graphFor({ ...base, entries: run, position: 2 });
    const structure = structureFor(enhancedFlow, 'horizontal', first);
    const later = graphFor({ ...base, entries: run.slice(0, 1), position: 1 });
    expect(structureFor(enhancedFlow, 'horizontal', later)).toBe(structure);
    expect(structure).toEqual(structureOf(buildGraph({ ...base, entries: [], position: 0 })));
    expect(
      structureFor(
        enhancedFlow,
        'vertical',
        graphFor({ ...base, entries: [], position: 0, orientation: 'vertical' }),
      ),
    ).not.toBe(structure);
  });

  it('lists the steps nearest the one shown first, the step before ahead of the step after', () => {
    const run = enhancedFlow.steps.map((_, i) => entry(i));
    const inputs = recordedStepInputs({ ...base, entries: run, position: 3 }, []);
    // enhanced-flow has six steps: from 3, Back's 2, then Next's 4, then 1, 5 and 6.
    expect(inputs.map((i) => i.position)).toEqual([2, 4, 1, 5, 6]);
  });

  it('names every other recorded step exactly as a seek to it shows it (entries, clock with jumps, packet landed)', async () => {
    const player = createPlayer({ scenario: enhancedFlow, createCloud });
    await player.seek(2);
    await player.advanceClock(600_000);
    await player.seek(enhancedFlow.steps.length);
    const end = player.getSnapshot();
    const inputs = recordedStepInputs(
      { ...base, entries: end.entries, position: end.position, clock: end.clock, arrival: 'sending' },
      end.clockJumps,
    );
    // Every step but the one shown, nearest first: Back's step before them all.
    expect(inputs.map((i) => i.position)).toEqual(
      Array.from({ length: enhancedFlow.steps.length - 1 }, (_, i) => enhancedFlow.steps.length - 1 - i),
    );
    // Down to the jump's own position: going back before it would drop the jump and the steps run after it.
    for (const input of inputs.filter((i) => i.position >= 2)) {
      await player.seek(input.position);
      const shown = player.getSnapshot();
      expect(input.arrival).toBe('landed');
      expect(input.clock).toBe(shown.clock);
      expect(input.entries).toHaveLength(shown.entries.length);
      expect(input.entries.at(-1)).toBe(shown.entries.at(-1));
    }
    expect(inputs.find((i) => i.position === 2)?.clock).toBe(end.entries[1]!.at + 600_000);
  });
});
