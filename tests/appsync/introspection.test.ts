import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/sim/index';
import { createTestClock } from '../support/cloud-handler';
import { graphql } from './appsync-support';

/**
 * Repeated root introspection (issue 10, section 4): an alias bomb of `__schema` that fits under the
 * 15,000-token limit is answered in full, every alias with the same answer a lone `__schema` gets;
 * the engine executes each distinct selection once (introspection-reuse.ts).
 */
async function setup() {
  const cloud = await createCloud({ now: createTestClock().now });
  const key = { 'x-api-key': cloud.demo.appSync?.apiKey as string };
  return { cloud, key };
}

const SCHEMA = '__schema { types { name fields { name } } }';
const aliases = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

describe('appsync repeated introspection', () => {
  it('answers 1,150 aliased __schema selections in full, each equal to a lone __schema', async () => {
    const { cloud, key } = await setup();
    const lone = await graphql(cloud, key, `{ ${SCHEMA} }`);
    const expected = (lone.body.data as Record<string, unknown>).__schema;
    expect((expected as { types: unknown[] }).types.length).toBeGreaterThan(5);

    const res = await graphql(cloud, key, aliases(1150, SCHEMA));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(Array.from({ length: 1150 }, (_, i) => `a${i}`));
    const text = JSON.stringify(expected);
    const differing = Object.entries(data).filter(([, value]) => JSON.stringify(value) !== text);
    expect(differing.map(([k]) => k)).toEqual([]);
  });

  it('keeps the document’s key order and tells different selections apart', async () => {
    const { cloud, key } = await setup();
    const res = await graphql(
      cloud,
      key,
      `{
        a: __type(name: "Item") { name kind }
        listItems { items { id } }
        b: __schema { queryType { name } }
        c: __type(name: "Item") { name kind }
        d: __type(name: "Query") { name kind }
        e: __schema { queryType { name } }
        f: __schema { mutationType { name } }
      }`,
    );
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['a', 'listItems', 'b', 'c', 'd', 'e', 'f']);
    expect(data.a).toEqual({ name: 'Item', kind: 'OBJECT' });
    expect(data.c).toEqual({ name: 'Item', kind: 'OBJECT' });
    expect(data.d).toEqual({ name: 'Query', kind: 'OBJECT' });
    expect(data.b).toEqual({ queryType: { name: 'Query' } });
    expect(data.e).toEqual({ queryType: { name: 'Query' } });
    expect(data.f).toEqual({ mutationType: { name: 'Mutation' } });
  });

  it('shares answers across fragments and variables, and still honours @skip', async () => {
    const { cloud, key } = await setup();
    const res = await graphql(
      cloud,
      key,
      `query Q($t: String!) {
        ...Root
        ... on Query { z: __type(name: $t) { name } }
        s: __type(name: $t) @skip(if: true) { name }
      }
      fragment Root on Query { y: __type(name: $t) { name } x: __type(name: $t) { name } }`,
      { t: 'Item' },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ y: { name: 'Item' }, x: { name: 'Item' }, z: { name: 'Item' } });

    const shared = await graphql(
      cloud,
      key,
      `query Q($t: String!) { ...Root ... on Query { z: __type(name: $t) { name } } }
      fragment Root on Query { y: __type(name: $t) { name } x: __type(name: $t) { name } }`,
      { t: 'Item' },
    );
    expect(shared.body.errors).toBeUndefined();
    expect(Object.keys(shared.body.data as object)).toEqual(['y', 'x', 'z']);
    expect(shared.body.data).toEqual({ y: { name: 'Item' }, x: { name: 'Item' }, z: { name: 'Item' } });
  });

  it('still reports an invalid repeated selection once per copy, as graphql-java does', async () => {
    const { cloud, key } = await setup();
    const res = await graphql(cloud, key, '{ a: __schema { nope } b: __schema { nope } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    const errors = res.body.errors ?? [];
    expect(errors).toHaveLength(2);
    expect(errors.map((e) => e.locations)).toEqual([
      [{ line: 1, column: 17, sourceName: null }],
      [{ line: 1, column: 38, sourceName: null }],
    ]);
  });
});
