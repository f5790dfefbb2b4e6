/**
 * The generators, the two ways a name is sent, and the two kinds of place (a name refused, a name stored)
 * shared by prototype-names.property.test.ts. The oracle is explained there.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { stateOf } from './hostile-support';

/** Every own property name of Object.prototype, as the issue asks (12 in Node 20). */
export const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Random runs per place on top of the prototype names; keeps the file well under a minute. */
const RANDOM_RUNS = 8;

export const control = (name: string) => name.replace(/\p{Lu}/gu, 'Q').replace(/\p{Ll}/gu, 'q');

/** Names for places that accept any Unicode (SDK-encoded into paths, JSON or query strings). */
export const anyName = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }) },
);
/** Names that fit in a host name label or an HTTP header name. */
export const tokenName = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.stringMatching(/^[a-z0-9_][a-z0-9_-]{0,20}$/),
);
const examples = PROTOTYPE_NAMES.map((n) => [n] as [string]);

export interface Outcome {
  ok: boolean;
  status?: number;
  code?: string;
}

export async function viaSdk(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return { ok: true, status: 200 };
  } catch (error) {
    const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return { ok: false, status: e.$metadata?.httpStatusCode, code: e.name };
  }
}

export async function viaFetch(
  cloud: Cloud,
  request: () => Request,
): Promise<Outcome & { body?: string; location?: string }> {
  let response: Response;
  try {
    response = await cloud.fetch(request());
  } catch (error) {
    // An unknown API host does not resolve: fetch rejects, as a real DNS failure does.
    return { ok: false, code: (error as Error).name };
  }
  const body = await response.text();
  const code =
    response.headers.get('x-amzn-errortype') ??
    /"error":"([^"]+)"/.exec(body)?.[1] ??
    /"errorType":"([^"]+)"/.exec(body)?.[1] ??
    /[?&]error=([^&]+)/.exec(response.headers.get('location') ?? '')?.[1] ??
    undefined;
  return {
    ok: response.status < 300,
    status: response.status,
    code,
    body,
    location: response.headers.get('location') ?? undefined,
  };
}

/**
 * The two kinds of place, checked against the cloud `getCloud` gives when the test runs; `counts`
 * tallies the names each place was sent (printed by the test file).
 */
export function placeChecks(getCloud: () => Cloud, counts: Record<string, number>) {
  /** A place that must refuse every name it does not define, exactly as it refuses an ordinary unknown one. */
  function refuses(place: string, arbitrary: fc.Arbitrary<string>, send: (name: string) => Promise<Outcome>) {
    it(`${place}: refuses hostile names with the unknown-name error and changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (name) => {
          counts[place] = (counts[place] ?? 0) + 1;
          const before = stateOf(getCloud());
          const got = await send(name);
          const after = stateOf(getCloud());
          const expected = await send(control(name));
          expect(got.status ?? 0).toBeLessThan(500);
          expect(got.ok, `${place} accepted ${JSON.stringify(name)}`).toBe(false);
          expect({ code: got.code, status: got.status }).toEqual({
            code: expected.code,
            status: expected.status,
          });
          expect(after === before, `${place} changed state for ${JSON.stringify(name)}`).toBe(true);
        }),
        { numRuns: PROTOTYPE_NAMES.length + RANDOM_RUNS, examples, seed: 10 },
      );
    });
  }

  /** A place where a name is data: it is stored under that name and given back. */
  function stores(
    place: string,
    arbitrary: fc.Arbitrary<string>,
    roundTrip: (name: string) => Promise<void>,
  ) {
    it(`${place}: stores hostile names as data and gives them back`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (name) => {
          counts[place] = (counts[place] ?? 0) + 1;
          await roundTrip(name);
        }),
        { numRuns: PROTOTYPE_NAMES.length + RANDOM_RUNS, examples, seed: 10 },
      );
    });
  }
  return { refuses, stores };
}
