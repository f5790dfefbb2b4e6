import { readJson } from '../../wire/aws-responses';
import type { Demo } from '../../sim/index';
import type { ScenarioStep, StepContext } from '../types';

/**
 * Federation THROUGH the user pool: the app sends the browser to the pool's hosted domain
 * (/oauth2/authorize?identity_provider=…), the IdP signs the person in and answers the pool
 * (/oauth2/idpresponse or /saml2/idpresponse), the pool sends the app an authorization code, and the
 * app trades it for user pool tokens at /oauth2/token with its PKCE verifier. Each hop is one real
 * request; redirects are not followed (`redirect: 'manual'`), so every 302 is visible as a step.
 */

/** The app's registered callback (demo app client "atlas-web"). */
export const APP_CALLBACK = 'https://app.identity-atlas.test/callback';

/**
 * A fixed PKCE pair (RFC 7636 appendix B) so a deep link replays the same bytes. A real app draws a
 * fresh random verifier for every sign-in and keeps it in the tab until the code comes back.
 */
export const PKCE_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const PKCE_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

/** Keys in `vars.extra` that carry the redirect chain from one hop to the next. */
const NEXT = 'hostedUi.next';
const CODE = 'hostedUi.code';
const SAML_FORM = 'hostedUi.samlForm';

export type HostedProvider = 'Google' | 'ExampleCorp';

export function authorizeUrl(demo: Demo, provider: HostedProvider): string {
  const url = new URL(`${demo.userPool?.domain ?? 'https://<domain>'}/oauth2/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', demo.userPool?.clientId ?? '<app client id>');
  url.searchParams.set('redirect_uri', APP_CALLBACK);
  url.searchParams.set('identity_provider', provider);
  url.searchParams.set('scope', 'openid email profile');
  url.searchParams.set('state', 'atlas-state');
  url.searchParams.set('code_challenge', PKCE_CHALLENGE);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.href;
}

function keepLocation(ctx: StepContext, response: Response): void {
  const location = response.headers.get('location');
  if (response.status === 302 && location) {
    ctx.vars.extra[NEXT] = location;
    const code = new URL(location).searchParams.get('code');
    if (code) ctx.vars.extra[CODE] = code;
  }
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

export function hostedAuthorizeStep(provider: HostedProvider): ScenarioStep {
  const google = provider === 'Google';
  return {
    id: 'hosted-authorize',
    label: '1',
    title: `Send the browser to the user pool’s /oauth2/authorize (identity_provider=${provider})`,
    from: 'app',
    to: 'userPool',
    packet: 'data',
    returns: 'data',
    operation: 'GET /oauth2/authorize',
    expect: 'success',
    narration: {
      what: `The app opens the user pool’s hosted domain with identity_provider=${provider}, its client id, the registered callback URL and a PKCE code_challenge. The pool checks the client and callback, remembers the request, and answers 302 to ${google ? 'Google’s authorization endpoint, with the Google client id configured on the pool’s Google identity provider (the demo reuses the app’s Google client) and /oauth2/idpresponse as the redirect' : 'ExampleCorp’s SSO URL with a SAML AuthnRequest (HTTP-Redirect binding)'}.`,
      why: 'In this setup the user pool, not the app, is the client of the outside IdP. The app only ever talks OAuth to its user pool.',
      misunderstanding: `The app never sees a ${google ? 'Google token' : 'SAML assertion'}: it gets user pool tokens at the end, like any other pool user.`,
    },
    code: (demo) => ({
      sdk: `// Amplify: signInWithRedirect({ provider: ${google ? "'Google'" : "{ custom: 'ExampleCorp' }"} })
window.location.assign('${authorizeUrl(demo, provider)}');`,
    }),
    async run(ctx) {
      const response = await ctx.fetch(new Request(authorizeUrl(ctx.demo, provider), { redirect: 'manual' }));
      keepLocation(ctx, response);
    },
  };
}

export function hostedGoogleSignInStep(): ScenarioStep {
  return {
    id: 'hosted-google-sign-in',
    label: '1',
    title: 'Sign in at Google (POST to Google’s sign-in page)',
    from: 'app',
    to: 'google',
    packet: 'password',
    returns: 'data',
    operation: 'Google sign-in (POST)',
    expect: 'success',
    narration: {
      what: 'The person types their Google email and password on Google’s page. Google answers 302 back to the USER POOL’s /oauth2/idpresponse with a Google authorization code.',
      why: 'Google’s client here is the user pool (its Google app id is configured on the pool’s Google identity provider), so the code goes to Cognito, not to the app.',
    },
    code: () => ({ sdk: '// Google’s own sign-in page; nothing for the app to call.' }),
    async run(ctx) {
      const url = ctx.need(ctx.vars.extra[NEXT], 'the redirect to Google from /oauth2/authorize');
      const user = ctx.need(ctx.demo.google?.users?.[0], 'a demo Google user');
      const response = await ctx.fetch(
        new Request(url, form({ username: user.username, password: user.password })),
      );
      keepLocation(ctx, response);
    },
  };
}

export function hostedSamlSignInStep(): ScenarioStep {
  return {
    id: 'hosted-saml-sign-in',
    label: '1',
    title: 'Sign in at ExampleCorp’s IdP (it answers a signed SAML response)',
    from: 'app',
    to: 'saml',
    packet: 'password',
    returns: 'samlAssertion',
    operation: 'IdP sign-in (POST)',
    expect: 'success',
    narration: {
      what: 'The employee signs in at ExampleCorp. The IdP answers with an auto-submitting HTML form that posts a signed SAML response to the user pool’s /saml2/idpresponse (its ACS URL).',
      why: 'The SAML audience is the user pool (urn:amazon:cognito:sp:<pool id>), not AWS sign-in: the assertion is for Cognito to read.',
    },
    code: () => ({ sdk: '// The IdP’s own sign-in page; the browser posts the form it returns.' }),
    async run(ctx) {
      const next = new URL(ctx.need(ctx.vars.extra[NEXT], 'the redirect to the IdP from /oauth2/authorize'));
      const user = ctx.need(ctx.demo.saml?.users?.[0], 'a demo SAML user');
      const response = await ctx.fetch(
        new Request(
          `${next.origin}${next.pathname}`,
          form({
            username: user.username,
            password: user.password,
            SAMLRequest: next.searchParams.get('SAMLRequest') ?? '',
            RelayState: next.searchParams.get('RelayState') ?? '',
          }),
        ),
      );
      const html = await response.clone().text();
      const action = html.match(/action="([^"]+)"/)?.[1];
      const saml = html.match(/name="SAMLResponse" value="([^"]+)"/)?.[1];
      const relay = html.match(/name="RelayState" value="([^"]+)"/)?.[1] ?? '';
      if (action && saml) {
        ctx.vars.samlResponse = saml;
        ctx.vars.extra[SAML_FORM] = JSON.stringify({ action, saml, relay });
      }
    },
  };
}

export function hostedIdpResponseStep(provider: HostedProvider): ScenarioStep {
  const google = provider === 'Google';
  return {
    id: 'hosted-idp-response',
    label: '1',
    title: google
      ? 'Google’s code reaches the user pool (/oauth2/idpresponse)'
      : 'The SAML response reaches the user pool (/saml2/idpresponse)',
    from: 'app',
    to: 'userPool',
    packet: google ? 'data' : 'samlAssertion',
    returns: 'data',
    operation: google ? 'GET /oauth2/idpresponse' : 'POST /saml2/idpresponse',
    expect: 'success',
    narration: {
      what: google
        ? 'The browser follows Google’s redirect to the pool. The pool trades the Google code for Google’s tokens (server to server), verifies Google’s ID token, creates or updates the federated user Google_<Google sub>, and answers 302 to the app’s callback with ITS OWN authorization code.'
        : 'The browser posts the SAML response to the pool. The pool checks the signature against the IdP metadata, the audience and the time window, creates or updates the user ExampleCorp_<NameID>, and answers 302 to the app’s callback with its own authorization code.',
      why: 'The outside identity becomes a user in the pool (with an `identities` attribute naming the provider), so groups, triggers and token customisation all apply to it.',
    },
    code: () => ({ sdk: '// The browser follows the redirect; the app’s callback page reads ?code=…' }),
    async run(ctx) {
      if (google) {
        const url = ctx.need(ctx.vars.extra[NEXT], 'Google’s redirect back to the user pool');
        keepLocation(ctx, await ctx.fetch(new Request(url, { redirect: 'manual' })));
        return;
      }
      const posted = JSON.parse(ctx.need(ctx.vars.extra[SAML_FORM], 'the IdP’s SAML form')) as {
        action: string;
        saml: string;
        relay: string;
      };
      const response = await ctx.fetch(
        new Request(posted.action, form({ SAMLResponse: posted.saml, RelayState: posted.relay })),
      );
      keepLocation(ctx, response);
    },
  };
}

export function hostedTokenStep(): ScenarioStep {
  return {
    id: 'hosted-token',
    label: '1.5',
    title: 'Trade the code for user pool tokens (/oauth2/token with PKCE)',
    from: 'app',
    to: 'userPool',
    packet: 'data',
    returns: 'jwt',
    operation: 'POST /oauth2/token',
    expect: 'success',
    narration: {
      what: 'The app posts grant_type=authorization_code, the code, its client id, the callback and the PKCE code_verifier. The pool checks that SHA-256(verifier) is the challenge from step 1 and answers id_token, access_token and refresh_token.',
      why: 'PKCE proves that the app which started the sign-in is the one finishing it, without a client secret (a browser cannot keep one).',
      misunderstanding:
        'The ID token’s cognito:username is Google_<sub> (or ExampleCorp_<NameID>), and its `identities` claim names the outside provider; its iss is still the user pool.',
    },
    code: (demo) => ({
      sdk: `const response = await fetch('${demo.userPool?.domain ?? '<domain>'}/oauth2/token', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: '${demo.userPool?.clientId ?? '<app client id>'}',
    code, redirect_uri: '${APP_CALLBACK}', code_verifier: verifier,
  }),
});
const { id_token, access_token, refresh_token } = await response.json();`,
    }),
    async run(ctx) {
      const code = ctx.need(ctx.vars.extra[CODE], 'the authorization code from the user pool');
      const response = await ctx.fetch(
        new Request(
          `${ctx.demo.userPool?.domain}/oauth2/token`,
          form({
            grant_type: 'authorization_code',
            client_id: ctx.demo.userPool?.clientId ?? '',
            code,
            redirect_uri: APP_CALLBACK,
            code_verifier: PKCE_VERIFIER,
          }),
        ),
      );
      const body = await readJson<{ id_token?: string; access_token?: string; refresh_token?: string }>(
        response,
      );
      if (body?.id_token) ctx.vars.idToken = body.id_token;
      if (body?.access_token) ctx.vars.accessToken = body.access_token;
      if (body?.refresh_token) ctx.vars.refreshToken = body.refresh_token;
    },
  };
}
