import type { Demo } from '../sim/index';
import type { Scenario, ScenarioStep } from './types';

/**
 * Machine to machine: a nightly batch job, with no person behind it, gets an access token from the user
 * pool with the client credentials grant (the demo's app client atlas-nightly-report and its secret),
 * calls the demo API's /reports methods, whose Cognito authorizer wants the custom scopes reports/read
 * and reports/write. Sources: the Cognito
 * developer guide's "Scopes, M2M, and resource servers" and token endpoint pages; docs/fidelity.md.
 */
const REPORTS_PATH = '/reports';

function machine(demo: Demo) {
  return demo.userPool.machineClient;
}

function tokenStep(scope: 'read' | 'write'): ScenarioStep {
  const refused = scope === 'write';
  const asked = (demo: Demo) => (refused ? 'reports/write' : (machine(demo)?.scope ?? 'reports/read'));
  return {
    id: refused ? 'client-credentials-write-scope' : 'client-credentials-token',
    label: '1',
    title: refused
      ? 'The batch job asks /oauth2/token for reports/write, a scope its client is not allowed'
      : 'The batch job asks /oauth2/token for an access token for reports/read',
    from: 'app',
    to: 'userPool',
    packet: 'password',
    sends: 'client id + secret',
    returns: 'data',
    receives: 'access token only',
    operation: 'POST /oauth2/token',
    expect: refused ? 'denied' : 'success',
    refusal: refused ? 'invalid_scope' : undefined,
    narration: refused
      ? {
          what: 'Nobody signs in. The nightly report job posts grant_type=client_credentials with scope=reports/write to the user pool’s /oauth2/token, authenticating as the app client atlas-nightly-report with its client secret (HTTP Basic). The client is allowed reports/read only: 400 {"error":"invalid_scope"}, and no token.',
          why: 'A machine client can do no more than the custom scopes its app client allows (AllowedOAuthScopes), which the pool’s resource server “reports” defines. Whoever holds the secret gets those, and nothing else.',
          misunderstanding:
            'The secret is not a key to everything the pool can grant: an administrator decides each client’s scopes, and the token endpoint refuses any other.',
        }
      : {
          what: 'The same request with scope=reports/read, a scope the client is allowed. The answer is one access token, valid for an hour: no ID token and no refresh token. When it expires, the job asks again.',
          why: 'The client credentials grant authenticates the app client itself, with its secret; the token it gets carries the client’s scope for APIs that check it.',
          misunderstanding:
            'The token’s sub is the client id, not a user: no username, groups or email, and no ID token for an identity pool to trade for AWS credentials (a server gets those from IAM, as the role of what it runs on). A client allowed this grant may not also use the code or implicit grant, and it needs a secret: it belongs on a server, never in a browser.',
        },
    code: (demo) => ({
      sdk: `// On the server: the secret never reaches a browser.
const response = await fetch('${demo.userPool.domain}/oauth2/token', {
  method: 'POST',
  headers: {
    'Content-Type': 'application/x-www-form-urlencoded',
    Authorization: 'Basic ' + btoa('${machine(demo)?.clientId ?? '<client id>'}:' + clientSecret),
  },
  body: 'grant_type=client_credentials&scope=${encodeURIComponent(asked(demo))}',
});${refused ? ' // 400 {"error":"invalid_scope"}' : '\nconst { access_token, expires_in } = await response.json();'}`,
      cli: `curl -u ${machine(demo)?.clientId ?? '<client id>'}:$CLIENT_SECRET \\
  -d grant_type=client_credentials -d scope=${asked(demo)} \\
  ${demo.userPool.domain}/oauth2/token`,
    }),
    async run(ctx) {
      const client = ctx.need(
        machine(ctx.demo),
        'the demo machine client (cloud.demo.userPool.machineClient)',
      );
      const response = await ctx.fetch(
        new Request(`${ctx.demo.userPool.domain}/oauth2/token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}`,
          },
          body: new URLSearchParams({ grant_type: 'client_credentials', scope: asked(ctx.demo) }).toString(),
        }),
      );
      const body = (await response.clone().json()) as { access_token?: string };
      if (body.access_token) ctx.vars.accessToken = body.access_token;
    },
  };
}

/** GET /reports, whose Cognito authorizer wants reports/read (demo api.ts); POST wants reports/write. */
const readReports: ScenarioStep = {
  id: 'reports-read',
  label: '1.5',
  title: 'GET /reports with the access token (the method wants reports/read)',
  from: 'app',
  to: 'apiGateway',
  packet: 'jwt',
  sends: 'access token',
  returns: 'data',
  operation: `GET ${REPORTS_PATH}`,
  expect: 'success',
  narration: {
    what: `The job calls GET ${REPORTS_PATH} with the access token. The method’s Cognito authorizer lists the scope reports/read; the token’s scope claim holds it and its signature checks out against the pool’s JWKS: 200. POST ${REPORTS_PATH} wants reports/write, which no token of this client can carry.`,
    why: 'A custom scope is defined on the pool’s resource server, allowed per app client, carried in the access token, and checked by each API method that lists it.',
    misunderstanding:
      'These scopes are not IAM permissions. They open API methods that check them (API Gateway, or your own API verifying the token); no AWS service API accepts a Cognito access token.',
  },
  code: (demo) => ({
    sdk: `const response = await fetch('${demo.api?.url ?? '<stage URL>'}${REPORTS_PATH}', {
  headers: { Authorization: access_token },
});`,
    cli: `curl -H "Authorization: $ACCESS_TOKEN" ${demo.api?.url ?? '<stage URL>'}${REPORTS_PATH}`,
  }),
  async run(ctx) {
    const token = ctx.need(ctx.vars.accessToken, 'the access token');
    await ctx.fetch(
      new Request(`${ctx.demo.api?.url}${REPORTS_PATH}`, { headers: { authorization: token } }),
    );
  },
};

export const machineToMachine: Scenario = {
  id: 'machine-to-machine',
  title: 'Machine to machine: a client credentials token and its scopes',
  summary:
    'A nightly job with no user asks the user pool for an access token with its app client secret: reports/write is refused (invalid_scope), reports/read is granted and opens GET /reports.',
  group: 'flows',
  identity: 'machine',
  actors: ['app', 'userPool', 'apiGateway'],
  actorRoles: {
    app: {
      label: 'Batch job',
      kind: 'Server, no user',
      about: 'a nightly batch job on a server, holding an app client secret',
      what: 'A server-side job with no person behind it. It holds the secret of the app client atlas-nightly-report and asks the user pool for its own access token (client credentials); it never signs anyone in.',
    },
  },
  steps: [tokenStep('write'), tokenStep('read'), readReports],
};
