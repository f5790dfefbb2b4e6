import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/catalog';
import type { Orientation } from './build-graph';
import { DRAWING_FRAMES } from './drawing-frames';
import type { Box } from './layout';
import { computeDrawingFrame } from './use-first-screen';

const ORIENTATIONS: Orientation[] = ['horizontal', 'vertical'];
const FILE = fileURLToPath(new URL('./drawing-frames.ts', import.meta.url));

function table(): Record<string, Record<Orientation, Box>> {
  return Object.fromEntries(
    SCENARIOS.map((s) => [s.id, Object.fromEntries(ORIENTATIONS.map((o) => [o, computeDrawingFrame(s, o)]))]),
  ) as Record<string, Record<Orientation, Box>>;
}

describe('DRAWING_FRAMES', () => {
  it('holds, for every scenario and orientation, the frame its steps really draw into', () => {
    const now = table();
    if (process.env.UPDATE_DRAWING_FRAMES) {
      // Regenerate after a layout change: UPDATE_DRAWING_FRAMES=1 npx vitest run src/ui/diagram/drawing-frames.test.ts
      const source = readFileSync(FILE, 'utf8');
      const head = source.slice(0, source.indexOf('export const DRAWING_FRAMES'));
      writeFileSync(
        FILE,
        `${head}export const DRAWING_FRAMES: Readonly<Record<string, Readonly<Record<Orientation, Box>>>> = ${JSON.stringify(now, null, 2)};\n`,
      );
      return;
    }
    // A stale table would size the diagram for an old layout: run the command above after changing it.
    expect(DRAWING_FRAMES).toEqual(now);
  });
});
