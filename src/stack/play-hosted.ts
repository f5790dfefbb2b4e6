import type { AppClientRecord, Cloud } from '../sim/index';
import type { StackState } from './build-context';
import { nodeIdOf } from './pipeline-ids';
import { credentials, type PlayedCall, type PlayResult, recorded, touch } from './play';

/**
 * Sign-in through a user pool's own Google or SAML identity provider, played as a browser would go
 * through the hosted domain: /oauth2/authorize?identity_provider=… (302 to the IdP), the IdP's
 * sign-in (Google's page, or the simulated SAML IdP answering the pool's AuthnRequest), the IdP's
 * answer to /oauth2/idpresponse or /saml2/idpresponse (302 to the app's callback with a code), then
 * /oauth2/token with the PKCE verifier, and the ID token at the identity pool that trusts the client.
 * Redirects are not followed, so every hop is one request with the engine's answer. The simulated IdP
 * is configured from the template: the Google client id and secret of the pool's provider (with the
 * pool's /oauth2/idpresponse as an authorized redirect URI), the SAML metadata's entity id.
 */

/** RFC 7636 appendix B's PKCE pair: an app draws a fresh verifier per sign-in; a fixed one replays. */
const PKCE_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const PKCE_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

export interface HostedProvider {
  userPoolId: string;
  poolName: string;
  providerName: string;
  type: 'Google' | 'SAML';
  /** App clients of the pool that list the provider in SupportedIdentityProviders. */
  clientIds: string[];
  /** Every app client of the pool (a client that does not list the provider is refused by /oauth2/authorize). */
  allClientIds: string[];
}

const liveState = (cloud: Cloud): StackState => JSON.parse(cloud.snapshot().state) as StackState;

/** The Google and SAML identity providers of the stack's user pools. */
export function hostedProviders(state: StackState): HostedProvider[] {
  return Object.entries(state.cognitoOAuth.identityProviders).flatMap(([userPoolId, idps]) => {
    const pool = state.cognitoIdp.pools[userPoolId];
    if (!pool) return [];
    const clients = Object.values(pool.clients);
    return Object.values(idps ?? {})
      .filter((p) => p.providerType === 'Google' || p.providerType === 'SAML')
      .map((p) => ({
        userPoolId,
        poolName: pool.name,
        providerName: p.providerName,
        type: p.providerType,
        clientIds: clients
          .filter((c) => c.supportedIdentityProviders.includes(p.providerName))
          .map((c) => c.clientId),
        allClientIds: clients.map((c) => c.clientId),
      }));
  });
}

/** Whether the pool's SAML provider would accept the simulated IdP's signature. */
export function poolSamlTrusted(cloud: Cloud, userPoolId: string, providerName: string): boolean {
  const own = cloud.demo.federation?.samlCertificate;
  const idp = liveState(cloud).cognitoOAuth.identityProviders[userPoolId]?.[providerName];
  return !!own && !!idp?.saml?.certificates.includes(own);
}

/**
 * Lets the simulated IdP stand in for the reader's in the user pool's SAML provider: its certificate
 * replaces the metadata's, as UpdateIdentityProvider with the simulator's metadata would.
 */
export async function trustSimulatedIdpInUserPool(
  cloud: Cloud,
  userPoolId: string,
  providerName: string,
): Promise<void> {
  const own = cloud.demo.federation?.samlCertificate;
  if (!own) return;
  const snap = cloud.snapshot();
  const state = JSON.parse(snap.state) as StackState;
  const idp = state.cognitoOAuth.identityProviders[userPoolId]?.[providerName];
  if (!idp?.saml) return;
  idp.saml.certificates = [own];
  await cloud.restore({ ...snap, state: JSON.stringify(state) });
}

export interface HostedOptions {
  userPoolId: string;
  clientId: string;
  providerName: string;
  /** Google: the address signing in; SAML: the directory user name. */
  username: string;
  /** Trade the ID token at this identity pool, if given. */
  identityPoolId?: string;
}

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

/** One hop: the request, and where the answer sends the browser (a 302's Location). */
async function hop(
  cloud: Cloud,
  out: PlayResult,
  operation: string,
  request: Request,
): Promise<{ call: PlayedCall; location?: URL }> {
  const response = await cloud.fetch(request);
  const location = response.headers.get('location');
  const next = response.status === 302 && location ? new URL(location) : undefined;
  // The implicit grant answers in the fragment, errors included; the code grant in the query.
  const fragment = new URLSearchParams(next?.hash.slice(1) ?? '');
  const inFragment = fragment.has('error');
  const params = inFragment ? fragment : next?.searchParams;
  const error = params?.get('error');
  const description = params?.get('error_description');
  const tokens = [...fragment.keys()].filter((k) => k.endsWith('_token'));
  const call: PlayedCall = error
    ? {
        operation,
        ok: false,
        summary: `302 ${next?.origin}${next?.pathname}${inFragment ? '#' : '?'}error=${error}${description ? ` (${description})` : ''}`,
      }
    : next
      ? {
          operation,
          ok: true,
          summary: `302 to ${next.origin}${next.pathname}${tokens.length ? ` with ${tokens.join(' and ')} in the URL fragment (implicit grant, no refresh token)` : ''}`,
        }
      : {
          operation,
          ok: false,
          summary: `HTTP ${response.status}: ${(await response.text())
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 200)}`,
        };
  out.calls.push(call);
  return { call, ...(next && !error ? { location: next } : {}) };
}

/** The hosted-UI federation for one provider and app client, then the identity pool if given. */
export function playHosted(cloud: Cloud, region: string, options: HostedOptions): Promise<PlayResult> {
  return recorded(cloud, async (out) => {
    const federation = cloud.demo.federation;
    const state = liveState(cloud);
    const pool = state.cognitoIdp.pools[options.userPoolId];
    const idp = state.cognitoOAuth.identityProviders[options.userPoolId]?.[options.providerName];
    const client = pool?.clients[options.clientId];
    if (!federation || !pool || !idp || !client) {
      out.note = 'The user pool, its app client or its identity provider is not in this stack.';
      return;
    }
    touch(out, nodeIdOf.client(options.clientId));
    touch(out, nodeIdOf.userPool(options.userPoolId));
    if (!pool.domainPrefix) {
      out.note = `${pool.name} has no domain (AWS::Cognito::UserPoolDomain): without one there is no /oauth2/authorize to send the browser to, so no user can sign in through ${options.providerName}.`;
      return;
    }
    const origin = `https://${pool.domainPrefix}.auth.${region}.amazoncognito.com`;
    const callback = client.callbackUrls[0] ?? '';
    if (!callback)
      out.note = `The app client lists no CallbackURLs: /oauth2/authorize cannot send the code back to any app.`;
    // The code grant where the client allows it; a client that allows only the implicit grant gets its
    // tokens in the callback's fragment instead (no code, no refresh token).
    const implicit =
      !client.allowedOAuthFlows.includes('code') && client.allowedOAuthFlows.includes('implicit');
    const authorize = new URL(`${origin}/oauth2/authorize`);
    authorize.searchParams.set('response_type', implicit ? 'token' : 'code');
    authorize.searchParams.set('client_id', options.clientId);
    authorize.searchParams.set('redirect_uri', callback);
    authorize.searchParams.set('identity_provider', options.providerName);
    authorize.searchParams.set('state', 'stack-play');
    if (!implicit) {
      authorize.searchParams.set('code_challenge', PKCE_CHALLENGE);
      authorize.searchParams.set('code_challenge_method', 'S256');
    }
    const toIdp = await hop(
      cloud,
      out,
      'GET /oauth2/authorize',
      new Request(authorize.href, { redirect: 'manual' }),
    );
    if (!toIdp.location || toIdp.location.origin === origin) {
      if (toIdp.location?.pathname === '/error') toIdp.call.ok = false;
      return;
    }
    touch(out, nodeIdOf.poolIdp(options.userPoolId, options.providerName));

    let back: URL | undefined;
    if (idp.google) {
      const account = federation.googleAccount(
        {
          clientId: idp.google.clientId,
          clientSecret: idp.google.clientSecret,
          redirectUri: `${origin}/oauth2/idpresponse`,
        },
        options.username,
      );
      const signIn = await hop(
        cloud,
        out,
        'Google sign-in (POST)',
        new Request(toIdp.location.href, form({ username: account.username, password: account.password })),
      );
      if (!signIn.location) return;
      const answered = await hop(
        cloud,
        out,
        'GET /oauth2/idpresponse',
        new Request(signIn.location.href, { redirect: 'manual' }),
      );
      back = answered.location;
    } else if (idp.saml) {
      if (!poolSamlTrusted(cloud, options.userPoolId, options.providerName))
        out.note = `${options.providerName}'s metadata holds ${idp.saml.certificates.length ? 'your IdP’s certificate' : 'no certificate'}, not the simulated IdP’s: the user pool cannot verify the simulator's signature, as AWS would refuse an assertion signed by another key. Let the simulated IdP stand in to play the sign-in.`;
      const answer = await federation.samlResponseToUserPool({
        issuer: idp.saml.entityId || undefined,
        username: options.username,
        samlRequest: toIdp.location.searchParams.get('SAMLRequest') ?? '',
      });
      if (!answer) {
        out.calls.push({
          operation: 'SAML sign-in',
          ok: false,
          summary: 'the AuthnRequest could not be read',
        });
        return;
      }
      out.calls.push({
        operation: 'SAML sign-in',
        ok: true,
        summary: `SAMLResponse for ${options.username} from ${idp.saml.entityId}, to ${answer.acsUrl}`,
      });
      const answered = await hop(
        cloud,
        out,
        'POST /saml2/idpresponse',
        new Request(
          answer.acsUrl,
          form({
            SAMLResponse: answer.samlResponse,
            RelayState: toIdp.location.searchParams.get('RelayState') ?? '',
          }),
        ),
      );
      back = answered.location;
    }
    // The implicit grant's ID token is in the callback's fragment; the code grant's comes from /oauth2/token.
    const idToken = implicit
      ? (new URLSearchParams(back?.hash.slice(1) ?? '').get('id_token') ?? undefined)
      : await redeemCode(cloud, out, { origin, callback, client, code: back?.searchParams.get('code') });
    if (!idToken || !options.identityPoolId) return;
    await credentials(
      cloud,
      region,
      options.identityPoolId,
      { [`cognito-idp.${region}.amazonaws.com/${options.userPoolId}`]: idToken },
      out,
    );
  });
}

/** The code grant's last hop: the code (with the PKCE verifier) for tokens; returns the ID token. */
async function redeemCode(
  cloud: Cloud,
  out: PlayResult,
  hosted: { origin: string; callback: string; client: AppClientRecord; code: string | null | undefined },
): Promise<string | undefined> {
  const { origin, callback, client, code } = hosted;
  if (!code) return undefined;
  const secret = client.clientSecret;
  const tokenResponse = await cloud.fetch(
    new Request(
      `${origin}/oauth2/token`,
      form(
        {
          grant_type: 'authorization_code',
          client_id: client.clientId,
          code,
          redirect_uri: callback,
          code_verifier: PKCE_VERIFIER,
        },
        // A confidential client authenticates with its secret (HTTP Basic), as its server would.
        secret ? { authorization: `Basic ${btoa(`${client.clientId}:${secret}`)}` } : {},
      ),
    ),
  );
  const tokens = (await tokenResponse.json().catch(() => ({}))) as {
    id_token?: string;
    error?: string;
  };
  out.calls.push({
    operation: 'POST /oauth2/token',
    ok: tokenResponse.ok && !!tokens.id_token,
    summary: tokens.id_token
      ? `user pool tokens for ${userName(tokens.id_token)} (ID, access and refresh)`
      : `HTTP ${tokenResponse.status}: ${tokens.error ?? ''}`,
  });
  return tokens.id_token;
}

/** cognito:username of an ID token (read for the summary only; the engine verified it). */
function userName(idToken: string): string {
  try {
    const payload = JSON.parse(
      atob((idToken.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')),
    ) as Record<string, unknown>;
    return String(payload['cognito:username'] ?? '');
  } catch {
    return '';
  }
}
