/**
 * Keeps the error path in one shape (issue 14 §1): outside the `errors.ts` files, no engine source
 * builds an AwsError by hand (each service's named constructors carry its codes, statuses and faults),
 * and only the dispatch's `serve` renders a failure (`answerFailure`), so no handler catches to render.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIM = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function linesMatching(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, i) =>
        pattern.test(text) && !/^\s*(\*|\/\/)/.test(text)
          ? [`${relative(SIM, file)}:${i + 1}: ${text.trim()}`]
          : [],
      ),
  );
}

describe('engine sources: one error path', () => {
  const files = sources(SIM);

  it('scans the engine (sanity floor)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith('/services/s3/errors.ts'))).toBe(true);
  });

  it('builds AwsErrors only in errors.ts files (use the service’s named constructors)', () => {
    const outside = files.filter((f) => !f.endsWith('/errors.ts'));
    expect(linesMatching(outside, /new AwsError\(/)).toEqual([]);
  });

  it('renders a failure only at dispatch (handlers throw; serve catches)', () => {
    const outside = files.filter((f) => !f.endsWith('/protocol/wire-protocol.ts'));
    expect(linesMatching(outside, /\banswerFailure\(/)).toEqual([]);
  });

  it('gives no service a second error class beside AwsError (AppSync field errors included)', () => {
    const services = files.filter((f) => f.includes('/services/'));
    expect(linesMatching(services, /class \w+ extends \w*Error\b/)).toEqual([]);
  });
});
