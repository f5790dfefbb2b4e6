import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Cloud, SimSocket } from '../../src/sim/index';
import { sdkConfig } from '../support/cloud-handler';

/** Signs a demo user pool user in and returns the ID token. */
export async function idTokenFor(cloud: Cloud, index: number): Promise<string> {
  const user = cloud.demo.userPool.users[index];
  if (!user) throw new Error(`no demo user ${index}`);
  const client = new CognitoIdentityProviderClient(sdkConfig(cloud));
  const out = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cloud.demo.userPool.clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  return out.AuthenticationResult?.IdToken as string;
}

export async function graphql(
  cloud: Cloud,
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] };
}> {
  const response = await cloud.fetch(
    new Request(cloud.demo.appSync?.url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return { status: response.status, body: await response.json() };
}

/** The named root field of a GraphQL reply's data, failing loudly when it is absent. */
export function field<T>(reply: { body: { data?: Record<string, unknown> | null } }, name: string): T {
  const value = reply.body.data?.[name];
  if (value === undefined || value === null) throw new Error(`no ${name} in ${JSON.stringify(reply.body)}`);
  return value as T;
}

/** Collects every message a simulated socket delivers. */
export function recorder(socket: SimSocket) {
  const messages: Record<string, unknown>[] = [];
  socket.onmessage = (event) => messages.push(JSON.parse(event.data));
  const until = async (predicate: (m: Record<string, unknown>) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const found = messages.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 1));
    }
    throw new Error(`message not received; got ${JSON.stringify(messages)}`);
  };
  return { messages, until };
}

export const headerParam = (headers: Record<string, string>) => btoa(JSON.stringify(headers));

export const CREATE = /* GraphQL */ `
  mutation Create($input: CreateItemInput!) {
    createItem(input: $input) { id text done owner tags _version _lastChangedAt _deleted }
  }
`;
export const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateItemInput!) {
    updateItem(input: $input) { id text done owner tags _version _lastChangedAt _deleted }
  }
`;
