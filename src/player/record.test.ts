import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/catalog';
import { type CloudOptions, createCloud } from '../sim/index';
import { createPlayer } from './create-player';

describe('the run record: seeking shows what already ran, and resuming from a snapshot is exact', () => {
  it('a seek back to a step already run publishes once, not busy, and creates no cloud', async () => {
    const scenario = SCENARIOS[0]!;
    let created = 0;
    const counting = (options: CloudOptions) => {
      created += 1;
      return createCloud(options);
    };
    const player = createPlayer({ scenario, createCloud: counting });
    await player.seek(scenario.steps.length);
    const before = player.getSnapshot().entries;
    const seen: { position: number; busy: boolean }[] = [];
    player.subscribe(() =>
      seen.push({ position: player.getSnapshot().position, busy: player.getSnapshot().busy }),
    );
    await player.seek(1);
    expect(seen).toEqual([{ position: 1, busy: false }]);
    expect(player.getSnapshot().entries).toEqual([before[0]]);
    expect(created).toBe(1);
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: back, forward again and on from a snapshot gives byte-identical entries and clock',
    async (_id, scenario) => {
      const total = scenario.steps.length;
      const straight = createPlayer({ scenario, createCloud });
      await straight.seek(total);
      const middle = Math.max(0, Math.floor(total / 2) - 1);
      const moved = createPlayer({ scenario, createCloud });
      await moved.seek(middle + 1);
      await moved.seek(middle);
      // From here the next step runs on a cloud restored from the record, not the live one.
      await moved.seek(0);
      await moved.seek(middle);
      await moved.step();
      await moved.seek(total);
      expect(JSON.stringify(moved.getSnapshot().entries)).toBe(
        JSON.stringify(straight.getSnapshot().entries),
      );
      expect(moved.getSnapshot().clock).toBe(straight.getSnapshot().clock);
    },
  );
});
