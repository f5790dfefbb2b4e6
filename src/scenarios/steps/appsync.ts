import { readJson } from '../../wire/aws-responses';
import type { Narration, ScenarioStep, StepContext } from '../types';
import type { Device } from './cognito-sync';

/**
 * GraphQL mutations on the demo's shared-list AppSync API, sent as an AppSync client sends them: a
 * POST of `{ query, variables }` to the API's /graphql URL with the user pool ID token in the
 * Authorization header (the API's default mode, AMAZON_COGNITO_USER_POOLS). The item's id comes back
 * from createItem and is kept in `vars.extra`, as the app would keep it.
 */

const ITEM_ID_VAR = 'appSyncItemId';
const FIELDS = 'id text done tags _version';

async function graphql(ctx: StepContext, query: string, variables: unknown): Promise<Response> {
  const url = ctx.need(ctx.demo.appSync?.url, 'the AppSync API’s URL');
  const idToken = ctx.need(ctx.vars.idToken, 'Alice’s ID token');
  return ctx.fetch(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: idToken },
      body: JSON.stringify({ query, variables }),
    }),
  );
}

/** The Code tab's version of `graphql()`: the fetch an app writes for one mutation. */
function mutationCode(url: string | undefined, query: string, variables: string): string {
  return `await fetch('${url ?? '<GraphQL URL>'}', {
  method: 'POST',
  headers: { 'content-type': 'application/json', Authorization: idToken },
  body: JSON.stringify({
    query: '${query}',
    variables: ${variables},
  }),
});`;
}

export function appSyncCreateStep(
  text: string,
  overrides: Partial<ScenarioStep> & { narration: Narration },
): ScenarioStep {
  return {
    id: 'phone-create-item',
    label: '4',
    title: `Alice’s phone creates an item (createItem “${text}”)`,
    from: 'app',
    to: 'appsync',
    packet: 'jwt',
    returns: 'data',
    operation: 'createItem',
    expect: 'success',
    code: (demo) => ({
      sdk: mutationCode(
        demo.appSync?.url,
        `mutation ($input: CreateItemInput!) { createItem(input: $input) { ${FIELDS} } }`,
        `{ input: { text: '${text}' } }`,
      ),
    }),
    async run(ctx) {
      const response = await graphql(
        ctx,
        `mutation Create($input: CreateItemInput!) { createItem(input: $input) { ${FIELDS} } }`,
        { input: { text } },
      );
      const out = await readJson<{ data?: { createItem?: { id?: string } } }>(response);
      const id = out?.data?.createItem?.id;
      if (id) ctx.vars.extra[ITEM_ID_VAR] = id;
    },
    ...overrides,
  };
}

/** updateItem with the `_version` the device last saw: AppSync's conflict detection compares it. */
export function appSyncUpdateStep(
  device: Device,
  text: string,
  version: number,
  overrides: Partial<ScenarioStep> & { narration: Narration },
): ScenarioStep {
  return {
    id: `${device}-update-item`,
    label: '4',
    title: `Alice’s ${device} renames it “${text}” (updateItem, _version ${version})`,
    from: 'app',
    to: 'appsync',
    packet: 'jwt',
    returns: 'data',
    operation: 'updateItem',
    expect: 'success',
    code: (demo) => ({
      sdk: mutationCode(
        demo.appSync?.url,
        `mutation ($input: UpdateItemInput!) { updateItem(input: $input) { ${FIELDS} } }`,
        `{ input: { id, text: '${text}', _version: ${version} } }`,
      ),
    }),
    async run(ctx) {
      const id = ctx.need(ctx.vars.extra[ITEM_ID_VAR], 'the item id createItem returned');
      await graphql(
        ctx,
        `mutation Update($input: UpdateItemInput!) { updateItem(input: $input) { ${FIELDS} } }`,
        { input: { id, text, _version: version } },
      );
    },
    ...overrides,
  };
}
