import type { ScenarioStep } from '../types';

/**
 * GET /me/scoped: a method of the demo API whose Cognito user pool authorizer lists an OAuth scope
 * (authorizationScopes: aws.cognito.signin.user.admin). API Gateway then wants an ACCESS token carrying
 * one of the scopes; the ID token has no `scope` claim and is refused with 401 Unauthorized. Without
 * scopes (GET /me) the same authorizer wants the ID token. Sources: docs/fidelity.md "API Gateway: which
 * token a method wants".
 */
export const SCOPED_PATH = '/me/scoped';

export function scopedApiStep(token: 'idToken' | 'accessToken'): ScenarioStep {
  const id = token === 'idToken';
  return {
    id: id ? 'scoped-api-with-id-token' : 'scoped-api-with-access-token',
    label: '1.5',
    title: id
      ? 'Call a method that requires a scope, with the ID token'
      : 'Call the same method with the access token',
    from: 'app',
    to: 'apiGateway',
    packet: 'jwt',
    sends: id ? 'ID token' : 'access token',
    returns: 'data',
    operation: `GET ${SCOPED_PATH}`,
    expect: id ? 'denied' : 'success',
    refusal: id ? 'Unauthorized' : undefined,
    narration: id
      ? {
          what: `The app calls GET ${SCOPED_PATH} with the ID token. This method’s Cognito authorizer lists an OAuth scope (aws.cognito.signin.user.admin), so API Gateway wants an access token that carries it. The ID token has no scope claim (it is not meant to authorise anything), and the answer is 401 Unauthorized.`,
          why: 'A REST API method with authorization scopes is checked against the access token’s scope claim; a method without scopes (GET /me) takes the ID token instead. The same authorizer does both: what decides is whether the method lists scopes.',
          misunderstanding:
            '“Send the ID token to your API” is only half the rule: once a method requires scopes, only the access token works there.',
        }
      : {
          what: `The same GET ${SCOPED_PATH}, now with the access token (token_use "access"). Its scope claim holds aws.cognito.signin.user.admin, one of the method’s scopes, the signature checks out against the pool’s JWKS, and API Gateway passes the call on: 200.`,
          why: 'Access tokens carry the OAuth scopes the user granted the app client; scopes are what a method that requires them checks.',
          misunderstanding:
            'An access token carries client_id, username and scope, but no aud and few user attributes: a backend that needs the user’s email reads the ID token, or asks the user pool with GetUser.',
        },
    code: (demo) => ({
      sdk: `const response = await fetch('${demo.api?.url ?? '<stage URL>'}${SCOPED_PATH}', {
  headers: { Authorization: ${id ? 'idToken' : 'accessToken'} },${id ? ' // refused: this method lists scopes' : ''}
});`,
      cli: `curl -H "Authorization: $${id ? 'ID_TOKEN' : 'ACCESS_TOKEN'}" ${demo.api?.url ?? '<stage URL>'}${SCOPED_PATH}`,
    }),
    async run(ctx) {
      const jwt = ctx.need(ctx.vars[token], id ? 'the ID token' : 'the access token');
      await ctx.fetch(new Request(`${ctx.demo.api?.url}${SCOPED_PATH}`, { headers: { authorization: jwt } }));
    },
  };
}
