/**
 * The names of the engine state's dictionaries, read from the state types themselves: every member
 * typed `Record<string, …>` in a `src/sim/**\/state.ts` (and the policy types, whose Condition and
 * Principal blocks are keyed by names from policy authors). A new dictionary field is covered by the
 * source scan (`src/sim/core/dict-scan.test.ts`) and the state walk (`tests/hostile/state-prototypes.test.ts`)
 * without anyone remembering to list it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SIM_ROOT = join(__dirname, '../../src/sim');

export function engineSourceFiles(dir = SIM_ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return engineSourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.startsWith('test-') ? [path] : [];
  });
}

/** Member names typed `Record<string, …>` in the state types (`users`, `records`, `objects`, `logins` …). */
export function stateDictionaryFields(): string[] {
  const names = new Set<string>();
  const files = engineSourceFiles().filter((f) => /\/state(-model)?\.ts$/.test(f) || f.endsWith('/iam/types.ts'));
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s+(\w+)\??: (?:'\*' \| )?Record<string,/gm)) {
      names.add(match[1] as string);
    }
  }
  return [...names].sort();
}
