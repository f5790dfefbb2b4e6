import type { Plugin } from 'vite';

/** A code-splitting group for Rolldown (`output.codeSplitting.groups`). */
type ChunkGroup = { name: string; test: (id: string) => boolean };

const REACT = /\/node_modules\/(react|react-dom|scheduler)\//;
const ENTRY = '/src/main.tsx';
const START = '/src/app/start.tsx';

/** Everything reachable from `root` through `next` (a module's static imports, a chunk's imports), root included. */
function reachable(root: string | undefined, next: (node: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = root === undefined ? [] : [root];
  while (queue.length > 0) {
    const node = queue.pop() as string;
    if (seen.has(node)) continue;
    seen.add(node);
    queue.push(...next(node));
  }
  return seen;
}

/**
 * How the app's start is split into chunks, and what the entry preloads for it.
 *
 * The entry (src/main.tsx) waits for the prerendered first screen to be painted, then imports React
 * (react-dom/client) and then the app's start (src/app/start.tsx). Three rules:
 * - What the entry imports statically stays in the entry's chunk, or the entry would import the start's
 *   chunk before the first paint.
 * - React, React DOM and the scheduler are one chunk, and the rest of the start's static graph another.
 *   A chunk and everything it imports statically are evaluated in one task: one chunk of both was a
 *   single task of 190–260 ms, traced at a 4× CPU slowdown (mostly V8 parsing and compiling it).
 *   Imported one after the other they are evaluated in two tasks, and the browser gets a turn between.
 * - Left to itself the bundler splits off what a lazy view shares with the start (React's JSX runtime,
 *   the scenarios, small hooks …) into chunks of their own: nine files for the entry to preload, each a
 *   <link rel="modulepreload"> made and fetched on the main thread in the task that starts the app.
 *   Every lazy view is imported from the started app, so the start's modules are always there before
 *   any of them: sharing them from the start's chunk duplicates nothing and loads nothing early.
 *
 * The entry's first import (React) preloads every chunk of both imports (`resolveDependencies`), so the
 * start's chunk downloads alongside React's instead of after it.
 */
export function startChunks(): {
  plugin: Plugin;
  groups: ChunkGroup[];
  resolveDependencies: (
    filename: string,
    deps: string[],
    context: { hostId: string; hostType: string },
  ) => string[];
} {
  const inEntry = new Set<string>();
  const inStart = new Set<string>();
  /**
   * For each entry chunk (by file name; a build makes more than one bundle), each chunk it imports
   * dynamically, with the chunks that one imports statically.
   */
  const entryImports = new Map<string, Map<string, string[]>>();

  const plugin: Plugin = {
    name: 'identity-atlas:start-chunks',
    apply: 'build',
    // After every module is parsed, before chunks are made: the static graphs of the entry and the start.
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const imports = (id: string) => this.getModuleInfo(id)?.importedIds ?? [];
      const entry = reachable(ids.find((id) => id.endsWith(ENTRY)), imports);
      for (const id of entry) inEntry.add(id);
      const start = reachable(ids.find((id) => id.endsWith(START)), imports);
      for (const id of start) if (!entry.has(id)) inStart.add(id);
    },
    // First of the generateBundle hooks: Vite's own writes the preload lists in its.
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        const entry = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.moduleIds.some((id) => id.endsWith(ENTRY)),
        );
        if (!entry || entry.type !== 'chunk') return;
        const imports = new Map<string, string[]>();
        entryImports.set(entry.fileName, imports);
        const chunkImports = (file: string) => {
          const chunk = bundle[file];
          return chunk?.type === 'chunk' ? chunk.imports : [];
        };
        for (const file of entry.dynamicImports) imports.set(file, [...reachable(file, chunkImports)]);
      },
    },
  };

  const resolveDependencies = (filename: string, deps: string[], context: { hostId: string }) => {
    const imports = entryImports.get(context.hostId);
    if (!imports?.has(filename)) return deps;
    const all = new Set(deps);
    for (const files of imports.values()) for (const file of files) all.add(file);
    // The entry's own chunk is running already (the start imports helpers from it).
    all.delete(context.hostId);
    return [...all];
  };

  return {
    plugin,
    groups: [
      { name: 'index', test: (id) => inEntry.has(id) },
      { name: 'react', test: (id) => inStart.has(id) && REACT.test(id) },
      { name: 'start', test: (id) => inStart.has(id) },
    ],
    resolveDependencies,
  };
}
