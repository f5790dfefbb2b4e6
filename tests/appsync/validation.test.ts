import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/sim/index';
import { createTestClock } from '../support/cloud-handler';
import { graphql } from './appsync-support';

/**
 * A document that fails GraphQL validation is HTTP 200 with `data: null` and AppSync's (graphql-java's)
 * wording, `path: null`, `locations` and no errorType (graphql/graphql-over-http#81, aws-amplify/learn#417,
 * aws/aws-appsync-community#273), and nothing runs.
 */
async function setup() {
  const cloud = await createCloud({ now: createTestClock().now });
  const key = { 'x-api-key': cloud.demo.appSync?.apiKey as string };
  return { cloud, key };
}

const messages = (body: { errors?: Record<string, unknown>[] }) => (body.errors ?? []).map((e) => e.message);

describe('appsync validation errors in AppSync wording', () => {
  it('answers an undefined root field exactly as AppSync does', async () => {
    const { cloud, key } = await setup();
    const res = await graphql(cloud, key, '{ badfield }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message:
            "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'",
        },
      ],
    });
  });

  it('names the nested path with slashes and the enclosing type', async () => {
    const { cloud, key } = await setup();
    const res = await graphql(cloud, key, '{ listItems { items { nope } } }');
    expect(messages(res.body)).toEqual([
      "Validation error of type FieldUndefined: Field 'nope' in type 'Item' is undefined @ 'listItems/items/nope'",
    ]);
  });

  it('words missing and unknown arguments and selection mistakes as graphql-java does', async () => {
    const { cloud, key } = await setup();
    expect(messages((await graphql(cloud, key, '{ getItem { id } }')).body)).toEqual([
      "Validation error of type MissingFieldArgument: Missing field argument id @ 'getItem'",
    ]);
    expect(messages((await graphql(cloud, key, '{ listItems(foo: 1) { nextToken } }')).body)).toEqual([
      "Validation error of type UnknownArgument: Unknown field argument foo @ 'listItems'",
    ]);
    expect(messages((await graphql(cloud, key, '{ listItems }')).body)).toEqual([
      "Validation error of type SubSelectionRequired: Sub selection required for type ItemConnection! of field listItems @ 'listItems'",
    ]);
    expect(messages((await graphql(cloud, key, '{ listItems { nextToken { x } } }')).body)).toEqual([
      "Validation error of type SubSelectionNotAllowed: Sub selection not allowed on leaf type String of field nextToken @ 'listItems/nextToken'",
    ]);
  });

  it('words an unknown type without a path, as seen from AppSync', async () => {
    const { cloud, key } = await setup();
    const res = await graphql(cloud, key, 'query Q($t: AWSFoo) { listItems(nextToken: $t) { nextToken } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(messages(res.body)).toContain('Validation error of type UnknownType: Unknown type AWSFoo');
  });

  it('prints literal values the graphql-java way in WrongType errors', async () => {
    const { cloud, key } = await setup();
    const wrong = await graphql(cloud, key, 'mutation { createItem(input: { text: 1 }) { id } }');
    expect(messages(wrong.body)).toEqual([
      "Validation error of type WrongType: argument 'input' with value 'ObjectValue{objectFields=[ObjectField{name='text', value=IntValue{value=1}}]}' is not a valid 'String' @ 'createItem'",
    ]);
    const missing = await graphql(cloud, key, 'mutation { createItem(input: { done: true }) { id } }');
    expect(messages(missing.body)).toEqual([
      "Validation error of type WrongType: argument 'input' with value 'ObjectValue{objectFields=[ObjectField{name='done', value=BooleanValue{value=true}}]}' is missing required fields '[text]' @ 'createItem'",
    ]);
  });

  it('still finds a field conflict among hundreds of identical copies (checked once per distinct selection)', async () => {
    const { cloud, key } = await setup();
    const copies = Array.from({ length: 300 }, () => 'a: listItems { nextToken }').join(' ');
    const res = await graphql(cloud, key, `{ ${copies} a: getItem(id: "x") { id } }`);
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(
      messages(res.body).some((m) =>
        String(m).startsWith('Validation error of type FieldsConflict: Fields "a" conflict'),
      ),
    ).toBe(true);
    const fine = await graphql(cloud, key, `{ ${copies} }`);
    expect(fine.body).toEqual({ data: { a: { nextToken: null } } });
  });

  it('answers a syntax error with graphql-java InvalidSyntax wording, HTTP 200, and changes nothing', async () => {
    const { cloud, key } = await setup();
    const before = cloud.snapshot().state;
    const res = await graphql(cloud, key, '{ listItems { ');
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]).toEqual({
      path: null,
      locations: [{ line: 1, column: 15, sourceName: null }],
      message: "Invalid Syntax : offending token '<EOF>' at line 1 column 15",
    });
    expect(res.body.errors?.[0]).not.toHaveProperty('errorType');
    expect(cloud.snapshot().state).toBe(before);
  });
});
