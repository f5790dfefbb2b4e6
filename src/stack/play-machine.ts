import type { Cloud } from '../sim/index';
import type { StackState } from './build-context';
import { nodeIdOf } from './pipeline-ids';
import { type PlayResult, recorded, touch } from './play';

/**
 * Machine-to-machine access played against an imported stack: an app client allowed the client
 * credentials grant asks the pool's /oauth2/token for an access token with its secret, as its server
 * would, then calls each API Gateway method that a Cognito authorizer of that pool guards with
 * authorization scopes. What the engine answers (the token's scopes, 200 or 401) is what the client
 * can do; a method that wants no scope wants an ID token, which this grant never gives.
 */
export interface MachineClient {
  userPoolId: string;
  poolName: string;
  clientId: string;
  clientName: string;
}

/** App clients of the stack that list `client_credentials` in AllowedOAuthFlows. */
export function machineClients(state: StackState): MachineClient[] {
  return Object.values(state.cognitoIdp.pools).flatMap((pool) =>
    Object.values(pool.clients)
      .filter((c) => c.allowedOAuthFlows.includes('client_credentials'))
      .map((c) => ({
        userPoolId: pool.id,
        poolName: pool.name,
        clientId: c.clientId,
        clientName: c.clientName,
      })),
  );
}

const liveState = (cloud: Cloud): StackState => JSON.parse(cloud.snapshot().state) as StackState;

export function playClientCredentials(
  cloud: Cloud,
  region: string,
  machine: MachineClient,
): Promise<PlayResult> {
  return recorded(cloud, async (out) => {
    const state = liveState(cloud);
    const pool = state.cognitoIdp.pools[machine.userPoolId];
    const client = pool?.clients[machine.clientId];
    if (!pool || !client) {
      out.note = 'The user pool or its app client is not in this stack.';
      return;
    }
    touch(out, nodeIdOf.client(client.clientId));
    touch(out, nodeIdOf.userPool(pool.id));
    if (!pool.domainPrefix) {
      out.note = `${pool.name} has no domain (AWS::Cognito::UserPoolDomain): without one there is no /oauth2/token to ask.`;
      return;
    }
    if (!client.clientSecret)
      out.note = `${client.clientName} has no secret (GenerateSecret): AWS does not allow the client credentials grant without one.`;
    const response = await cloud.fetch(
      new Request(`https://${pool.domainPrefix}.auth.${region}.amazoncognito.com/oauth2/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(client.clientSecret
            ? { authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}` }
            : {}),
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          ...(client.clientSecret ? {} : { client_id: client.clientId }),
        }).toString(),
      }),
    );
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
    const scope = body.access_token ? scopeOf(body.access_token) : '';
    out.calls.push({
      operation: 'POST /oauth2/token (client_credentials)',
      ok: response.ok && !!body.access_token,
      summary: body.access_token
        ? `access token for ${client.clientName}, scope ${scope || '(none)'}; no ID or refresh token`
        : `HTTP ${response.status}: ${body.error ?? ''}`,
    });
    if (!body.access_token) return;
    const poolArn = `arn:aws:cognito-idp:${region}:`;
    for (const api of Object.values(state.executeApi.apis)) {
      const stage = api.stages[0];
      if (!stage) continue;
      for (const method of api.methods) {
        const authorizer = method.authorizerId ? api.authorizers[method.authorizerId] : undefined;
        const guardsPool = authorizer?.providerArns.some(
          (arn) => arn.startsWith(poolArn) && arn.endsWith(`:userpool/${pool.id}`),
        );
        if (method.authorizationType !== 'COGNITO_USER_POOLS' || !authorizer || !guardsPool) continue;
        touch(out, nodeIdOf.resource('execute-api', api.id));
        const wants = method.authorizationScopes ?? [];
        const answer = await cloud.fetch(
          new Request(
            `https://${api.id}.execute-api.${region}.amazonaws.com/${stage}${method.resourcePath}`,
            {
              method: method.httpMethod,
              headers: { [authorizer.header]: body.access_token },
            },
          ),
        );
        out.calls.push({
          operation: `${method.httpMethod} ${method.resourcePath} (${api.name})`,
          ok: answer.ok,
          summary: `HTTP ${answer.status}${answer.ok ? '' : ` ${await answer.text().then((t) => messageOf(t))}`}; the method wants ${
            wants.length ? `one of the scopes ${wants.join(', ')}` : 'an ID token (no scopes)'
          }`,
        });
      }
    }
  });
}

function scopeOf(accessToken: string): string {
  try {
    const payload = JSON.parse(
      atob((accessToken.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')),
    ) as Record<string, unknown>;
    return String(payload.scope ?? '');
  } catch {
    return '';
  }
}

function messageOf(text: string): string {
  try {
    return String((JSON.parse(text) as { message?: unknown }).message ?? '');
  } catch {
    return text.slice(0, 80);
  }
}
