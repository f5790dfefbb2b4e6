/**
 * GET /oauth2/authorize (docs/aws-reference.md §3.2). Validates the client and redirect_uri first (failures stay
 * on the hosted domain), then everything else (failures go back to the app), then sends the browser
 * straight to the chosen IdP: Google's authorization endpoint, or the SAML IdP's SSO URL with an
 * AuthnRequest (HTTP-Redirect binding). Without identity_provider it goes to /login.
 */
import { getOwn, setOwn } from '../../../core/dict';
import type { RequestContext } from '../../../core/service';
import { isoSeconds } from '../../../core/time';
import { escapeXml } from '../../../protocol/xml';
import {
  BINDING_HTTP_POST,
  cognitoSamlAcsUrl,
  cognitoSamlAudience,
  NAMEID_FORMAT_PERSISTENT,
  SAML_NS,
} from '../../../saml/names';
import { GOOGLE_AUTHORIZATION_ENDPOINT } from '../../idp-google/discovery';
import { deflateForRedirect } from '../../idp-saml/authn-request';
import type { PoolRecord } from '../state';
import { poolOrigin } from './pool-domain';
import { domainError, redirectError, redirectTo } from './responses';
import { oauthState, type PendingAuthorization } from './state';

/** How long Cognito waits for the IdP to answer (unv; the managed-login session lasts about an hour). */
export const PENDING_LIFETIME_MS = 60 * 60 * 1000;

export async function authorize(url: URL, pool: PoolRecord, ctx: RequestContext): Promise<Response> {
  const { world } = ctx;
  const p = url.searchParams;
  const origin = poolOrigin(world, pool);
  const clientId = p.get('client_id') ?? '';
  const client = getOwn(pool.clients, clientId);
  if (!client) return domainError(origin, 'invalid_request', clientId || undefined);
  const redirectUri = p.get('redirect_uri') ?? '';
  if (!client.callbackUrls.includes(redirectUri)) return domainError(origin, 'redirect_mismatch', clientId);

  const state = p.get('state') ?? undefined;
  const responseType = p.get('response_type');
  const implicit = responseType === 'token';
  const back = (error: string, description?: string) =>
    redirectError(redirectUri, error, description, state, implicit);
  // A missing response_type is invalid_request (doc: authorization-endpoint, negative responses);
  // unsupported_response_type for an unknown value is unv.
  if (!responseType) return back('invalid_request');
  if (responseType !== 'code' && responseType !== 'token') return back('unsupported_response_type');
  // Each grant needs its flow in the client's AllowedOAuthFlows (`code` or `implicit`).
  if (!client.allowedOAuthFlows.includes(implicit ? 'implicit' : 'code')) return back('unauthorized_client');
  const requested = (p.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
  const scopes = requested.length > 0 ? requested : client.allowedOAuthScopes;
  if (scopes.some((s) => !client.allowedOAuthScopes.includes(s))) return back('invalid_scope');
  // PKCE protects a code's exchange; an implicit grant has none, so its parameters are not kept.
  const codeChallenge = implicit ? undefined : (p.get('code_challenge') ?? undefined);
  const method = p.get('code_challenge_method');
  // A challenge without S256 as its method is a bare `?error=invalid_request` (doc: authorization-endpoint,
  // negative responses; no error_description is documented for it).
  if (codeChallenge !== undefined && method !== 'S256') return back('invalid_request');
  if (!implicit && codeChallenge === undefined && method !== null) return back('invalid_request');

  const providerName = p.get('identity_provider');
  if (!providerName) {
    const login = new URL('/login', origin);
    login.search = url.search;
    return redirectTo(login.href);
  }
  const provider = getOwn(getOwn(oauthState(world).identityProviders, pool.id), providerName);
  if (!provider || !client.supportedIdentityProviders.includes(providerName))
    return back('invalid_request', 'Invalid identity provider');

  const id = world.random.uuid();
  const pending: PendingAuthorization = {
    id,
    poolId: pool.id,
    clientId,
    redirectUri,
    scopes,
    providerName,
    expiresAt: world.now() + PENDING_LIFETIME_MS,
    ...(state !== undefined ? { state } : {}),
    ...(p.get('nonce') !== null ? { nonce: p.get('nonce') as string } : {}),
    ...(codeChallenge !== undefined ? { codeChallenge } : {}),
    ...(implicit ? { responseType: 'token' as const } : {}),
  };

  if (provider.google) {
    setOwn(oauthState(world).pending, id, pending);
    const target = new URL(GOOGLE_AUTHORIZATION_ENDPOINT);
    target.searchParams.set('client_id', provider.google.clientId);
    target.searchParams.set('redirect_uri', `${origin}/oauth2/idpresponse`);
    target.searchParams.set('response_type', 'code');
    target.searchParams.set('scope', provider.google.authorizeScopes);
    target.searchParams.set('state', id);
    ctx.emit('oauth.authorize', `Cognito sends the browser to Google for ${clientId}`, {
      provider: providerName,
      state: id,
    });
    return redirectTo(target.href);
  }
  if (provider.saml) {
    const requestId = `_${world.random.hex(40)}`;
    setOwn(oauthState(world).pending, id, { ...pending, samlRequestId: requestId });
    const authnRequest =
      `<samlp:AuthnRequest xmlns:samlp="${SAML_NS.protocol}" xmlns:saml="${SAML_NS.assertion}" ID="${requestId}" Version="2.0"` +
      ` IssueInstant="${isoSeconds(world.now())}" Destination="${escapeXml(provider.saml.ssoUrl)}"` +
      ` AssertionConsumerServiceURL="${cognitoSamlAcsUrl(pool.domainPrefix ?? '', world.region)}" ProtocolBinding="${BINDING_HTTP_POST}">` +
      `<saml:Issuer>${cognitoSamlAudience(pool.id)}</saml:Issuer>` +
      `<samlp:NameIDPolicy Format="${NAMEID_FORMAT_PERSISTENT}" AllowCreate="true"/></samlp:AuthnRequest>`;
    const target = new URL(provider.saml.ssoUrl);
    target.searchParams.set('SAMLRequest', await deflateForRedirect(authnRequest));
    target.searchParams.set('RelayState', id);
    ctx.emit('oauth.authorize', `Cognito sends the browser to ${providerName} with a SAML AuthnRequest`, {
      provider: providerName,
      authnRequest,
    });
    return redirectTo(target.href);
  }
  return back('invalid_request', 'Invalid identity provider');
}
