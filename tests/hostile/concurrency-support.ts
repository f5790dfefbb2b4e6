/**
 * Shared pieces of the concurrency suites: the same batch of requests fired all at once at one cloud
 * and one after another at an identically seeded twin, and the outcomes compared. The engine's
 * promise is that a request is atomic (src/sim/cloud.ts, createRequestQueue), so "all at once" must
 * answer exactly as "one after another" does, whatever the operation's own rules are.
 */
import { type Cloud, createCloud } from '../../src/sim/index';
import { createTestClock } from '../support/cloud-handler';

/** One request's outcome in a comparable form: `200`, or `400 NotAuthorizedException: Incorrect username or password.` */
export type Outcome = string;

export async function twinClouds(seed = 'concurrency-tests') {
  const make = async () => {
    const clock = createTestClock();
    return { clock, cloud: await createCloud({ now: clock.now, seed }) };
  };
  return [await make(), await make()] as const;
}

/** The outcome of a raw call: status, and the error code of JSON 1.1 (`__type`), OAuth (`error`) or REST. */
export async function outcomeOf(response: Response): Promise<Outcome> {
  if (response.status < 300) return String(response.status);
  const text = await response.clone().text();
  let code = response.headers.get('x-amzn-errortype')?.split(':')[0] ?? '';
  try {
    const body = JSON.parse(text) as { __type?: string; error?: string; message?: string };
    code = body.__type ?? body.error ?? code;
    if (body.message) code = `${code}: ${body.message}`;
  } catch {
    code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? code;
  }
  return `${response.status} ${code}`.trim();
}

/** The outcome of an SDK v3 call: `200` or `<status> <error name>`. */
export async function sdkOutcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return '200';
  } catch (error) {
    const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return `${e.$metadata?.httpStatusCode ?? '?'} ${e.name}`;
  }
}

export type Batch = (() => Promise<Outcome>)[];

/**
 * Prepares both twins the same way, fires the batch concurrently on the first and sequentially on the
 * second, and returns both outcome lists (sorted: the SDK's own async middleware may reorder arrivals)
 * and both clouds for further checks.
 */
export async function concurrentAndSequential<T>(
  prepare: (cloud: Cloud, clock: ReturnType<typeof createTestClock>) => Promise<T>,
  batch: (cloud: Cloud, prepared: T) => Batch,
) {
  const [a, b] = await twinClouds();
  const preparedA = await prepare(a.cloud, a.clock);
  const preparedB = await prepare(b.cloud, b.clock);
  const concurrent = await Promise.all(batch(a.cloud, preparedA).map((call) => call()));
  const sequential: Outcome[] = [];
  for (const call of batch(b.cloud, preparedB)) sequential.push(await call());
  return {
    concurrent: [...concurrent].sort(),
    sequential: [...sequential].sort(),
    clouds: [a.cloud, b.cloud] as const,
    prepared: [preparedA, preparedB] as const,
  };
}

/** `n` copies of the same call. */
export const times = (n: number, call: () => Promise<Outcome>): Batch =>
  Array.from({ length: n }, () => call);

/** How many outcomes are `value` or start with `value:` (the code without its message). */
export const count = (outcomes: Outcome[], value: Outcome) =>
  outcomes.filter((o) => o === value || o.startsWith(`${value}:`)).length;
