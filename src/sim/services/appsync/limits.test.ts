import { buildSchema, execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { dynamoItemBytes, limitedFieldResolver } from './limits';
import type { GraphqlApi, StoredItem } from './state';

/** The query-depth mechanism on the documentation's own example (configuration-limits.html). */
const schema = buildSchema(`
  type Layer { value: String nextLayer: Layer }
  type Query { nextLayer: Layer }
`);
const layer = (): Record<string, unknown> => ({ value: 'v', nextLayer: () => layer() });

function run(limits: Partial<GraphqlApi>, query: string) {
  return execute({
    schema,
    document: parse(query),
    rootValue: { nextLayer: () => layer() },
    fieldResolver: limitedFieldResolver(limits as GraphqlApi),
  }) as { data?: Record<string, unknown> | null; errors?: readonly { message: string; path?: unknown }[] };
}

describe('AppSync limits applied while a query runs', () => {
  it('a depth limit of 2 answers L1 and L2 and fails L3 with QueryDepthLimitReached', () => {
    const result = run(
      { queryDepthLimit: 2 },
      '{ L1: nextLayer { L2: nextLayer { L3: nextLayer { L4: value } } } }',
    );
    expect(result.data).toEqual({ L1: { L2: { L3: null } } });
    expect(
      result.errors?.map((e) => [
        e.path,
        (e as unknown as { originalError: { errorType: string } }).originalError.errorType,
      ]),
    ).toEqual([[['L1', 'L2', 'L3'], 'QueryDepthLimitReached']]);
  });

  it('without a depth limit every level answers (AppSync’s default)', () => {
    const result = run({}, '{ L1: nextLayer { L2: nextLayer { L3: nextLayer { L4: value } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ L1: { L2: { L3: { L4: 'v' } } } });
  });

  it('a resolver count limit of 2 runs two root resolvers and refuses the third', () => {
    const result = run(
      { resolverCountLimit: 2 },
      '{ r1: nextLayer { value } r2: nextLayer { value } r3: nextLayer { value } }',
    );
    expect(result.data).toEqual({ r1: { value: 'v' }, r2: { value: 'v' }, r3: null });
    expect(result.errors?.map((e) => e.path)).toEqual([['r3']]);
  });
});

describe('DynamoDB item size', () => {
  it('counts attribute names and UTF-8 values, and list overhead', () => {
    const item: StoredItem = {
      id: 'a',
      text: '€',
      done: false,
      owner: 'o',
      tags: ['x', 'yz'],
      _version: 1,
      _lastChangedAt: 1_700_000_000_000,
      _deleted: false,
    };
    // id 2+1, text 4+3, done 4+1, owner 5+1, tags 4+(3+2+3), _version 8+2, _lastChangedAt 14+2 (2 significant digits), _deleted 8+1
    expect(dynamoItemBytes(item)).toBe(3 + 7 + 5 + 6 + 12 + 10 + 16 + 9);
  });
});
