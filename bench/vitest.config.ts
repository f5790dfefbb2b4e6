import { defineConfig } from 'vitest/config';

/**
 * `npm run bench` runs bench/run-all.ts under Vitest only because Vitest runs TypeScript on Node 20
 * (which cannot strip types itself) with no extra dependency. It is a program, not a test: it never
 * asserts a speed; it prints the table and writes bench/results.json.
 */
export default defineConfig({
  test: {
    include: process.env.BENCH_FILE ? [process.env.BENCH_FILE] : ['bench/run-all.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    disableConsoleIntercept: true,
    reporters: ['dot'],
  },
});
