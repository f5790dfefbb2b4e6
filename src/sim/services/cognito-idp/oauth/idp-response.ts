/**
 * Where the IdPs send the browser back: /oauth2/idpresponse (Google's code) and /saml2/idpresponse
 * (the SAMLResponse, HTTP-POST binding). Cognito checks the IdP's answer, creates or updates the
 * federated user (`<Provider>_<id>`, mapped attributes rewritten on every sign-in), and sends the
 * browser to the app with a one-use authorization code valid for five minutes.
 */
import { jwtVerify } from 'jose';
import { createDict, deleteOwn, getOwn, hasOwn, setOwn } from '../../../core/dict';
import type { RequestContext } from '../../../core/service';
import { epochSeconds } from '../../../core/time';
import { cognitoSamlAcsUrl, cognitoSamlAudience } from '../../../saml/names';
import { samlReplayId, verifySamlResponse } from '../../../saml/verify-response';
import { GOOGLE_ISSUER } from '../../idp-google/id-token';
import { exchangeGoogleCode } from '../../idp-google/oauth';
import { findOrCreateFederatedUser, issueTokensForUser, refusedFederatedUpdate } from '../federation-api';
import type { PoolRecord } from '../state';
import { poolOrigin } from './pool-domain';
import { redirectError, redirectTo } from './responses';
import { oauthState, type PendingAuthorization, type PoolIdentityProvider } from './state';

/** Cognito's authorization codes expire after five minutes (doc: token-endpoint.html) and work once. */
export const CODE_LIFETIME_MS = 5 * 60 * 1000;

function badRequest(message: string): Response {
  return new Response(message, { status: 400, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
}

function takePending(ctx: RequestContext, id: string | null): PendingAuthorization | undefined {
  if (!id) return undefined;
  const all = oauthState(ctx.world).pending;
  const pending = getOwn(all, id);
  deleteOwn(all, id);
  return pending && pending.expiresAt > ctx.world.now() ? pending : undefined;
}

function mapAttributes(
  provider: PoolIdentityProvider,
  read: (source: string) => string | undefined,
): Record<string, string> {
  const out = createDict<string>();
  for (const [poolAttribute, source] of Object.entries(provider.attributeMapping)) {
    if (poolAttribute === 'username') continue; // maps the IdP's user id; it names the user, it is not an attribute
    const value = read(source);
    if (value !== undefined) setOwn(out, poolAttribute, value.slice(0, 2048));
  }
  return out;
}

/** Back to the app with `invalid_request` and a description (in the fragment for an implicit grant). */
const appError = (pending: PendingAuthorization) => (description: string) =>
  redirectError(
    pending.redirectUri,
    'invalid_request',
    description,
    pending.state,
    pending.responseType === 'token',
  );

/**
 * The app's error when a returning user's mapped attribute may not be rewritten (federation-api.ts); the
 * wording observed in 2026 (issue #835 there). Nothing about the user changes and no code is issued.
 */
function refusedUpdate(
  ctx: RequestContext,
  pool: PoolRecord,
  pending: PendingAuthorization,
  identity: { providerName: string; userId: string; attributes: Record<string, string> },
): Response | undefined {
  const name = refusedFederatedUpdate(pool, identity, getOwn(pool.clients, pending.clientId));
  if (name === undefined) return undefined;
  ctx.emit('oauth.attributes.refused', `Cognito may not rewrite the mapped attribute ${name}`, {
    attribute: name,
  });
  return appError(pending)(`user.${name}: Attribute cannot be updated.`);
}

async function finish(
  ctx: RequestContext,
  pending: PendingAuthorization,
  username: string,
): Promise<Response> {
  if (pending.responseType === 'token') return implicitGrant(ctx, pending, username);
  const code = ctx.world.random.uuid();
  setOwn(oauthState(ctx.world).codes, code, {
    code,
    poolId: pending.poolId,
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    username,
    scopes: pending.scopes,
    ...(pending.nonce !== undefined ? { nonce: pending.nonce } : {}),
    ...(pending.codeChallenge !== undefined ? { codeChallenge: pending.codeChallenge } : {}),
    authTime: epochSeconds(ctx.world.now()),
    expiresAt: ctx.world.now() + CODE_LIFETIME_MS,
  });
  const target = new URL(pending.redirectUri);
  target.searchParams.set('code', code);
  if (pending.state !== undefined) target.searchParams.set('state', pending.state);
  ctx.emit('oauth.code', `Federated user ${username} signed in; authorization code issued to the app`, {
    username,
    code,
  });
  return redirectTo(target.href);
}

/**
 * The implicit grant: the tokens themselves go to the app, in the redirect's fragment, with no refresh
 * token (doc: authorization endpoint,
 * `#id_token=…&access_token=…&token_type=bearer&expires_in=3600&state=…`; an ID token only when `openid`
 * was asked for).
 */
async function implicitGrant(
  ctx: RequestContext,
  pending: PendingAuthorization,
  username: string,
): Promise<Response> {
  const tokens = await issueTokensForUser(ctx.world, {
    poolId: pending.poolId,
    clientId: pending.clientId,
    username,
    scopes: pending.scopes,
    nonce: pending.nonce,
    authTime: epochSeconds(ctx.world.now()),
    withRefreshToken: false,
    implicit: true,
  });
  const fragment = new URLSearchParams();
  if (pending.scopes.includes('openid')) fragment.set('id_token', tokens.IdToken ?? '');
  fragment.set('access_token', tokens.AccessToken ?? '');
  fragment.set('token_type', 'bearer');
  fragment.set('expires_in', String(tokens.ExpiresIn ?? ''));
  if (pending.state !== undefined) fragment.set('state', pending.state);
  const target = new URL(pending.redirectUri);
  target.hash = fragment.toString();
  ctx.emit('token.issued', `Tokens for ${username} sent to the app in the URL (implicit grant)`, {
    username,
    scopes: pending.scopes,
  });
  return redirectTo(target.href);
}

export async function googleIdpResponse(url: URL, pool: PoolRecord, ctx: RequestContext): Promise<Response> {
  const pending = takePending(ctx, url.searchParams.get('state'));
  if (!pending) return badRequest('Invalid state');
  const fail = appError(pending);
  const error = url.searchParams.get('error');
  if (error) return fail(`Google Error - ${error}`);
  const provider = getOwn(getOwn(oauthState(ctx.world).identityProviders, pool.id), pending.providerName);
  if (!provider?.google) return fail('Invalid identity provider');
  // Server to server: Cognito redeems the code at Google's token endpoint with its client secret.
  const exchanged = await exchangeGoogleCode(ctx.world, {
    grantType: 'authorization_code',
    code: url.searchParams.get('code') ?? '',
    clientId: provider.google.clientId,
    clientSecret: provider.google.clientSecret,
    redirectUri: `${poolOrigin(ctx.world, pool)}/oauth2/idpresponse`,
  });
  ctx.emit(
    'oauth.idp.token',
    exchanged.ok ? 'Cognito redeemed the Google code' : `Google refused the code: ${exchanged.body.error}`,
    exchanged.ok ? { id_token: exchanged.body.id_token } : exchanged.body,
  );
  // doc (authorization-endpoint, negative responses):
  // `Google Error - [status code] [Google provided error code]`.
  if (!exchanged.ok) return fail(`Google Error - ${exchanged.status} ${exchanged.body.error}`);
  let claims: Record<string, unknown>;
  try {
    const verified = await jwtVerify(exchanged.body.id_token, ctx.world.keys.google.publicKey, {
      issuer: GOOGLE_ISSUER,
      audience: provider.google.clientId,
      currentDate: new Date(ctx.world.now()),
    });
    claims = verified.payload;
  } catch {
    return fail('Google Error - invalid id_token');
  }
  const sub = String(claims.sub);
  const attributes = mapAttributes(provider, (claim) =>
    hasOwn(claims, claim) && claims[claim] !== undefined ? String(claims[claim]) : undefined,
  );
  const refused = refusedUpdate(ctx, pool, pending, { providerName: 'Google', userId: sub, attributes });
  if (refused) return refused;
  const user = findOrCreateFederatedUser(ctx.world, pool.id, {
    providerName: 'Google',
    providerType: 'Google',
    userId: sub,
    attributes,
  });
  return finish(ctx, pending, user.username);
}

export async function samlIdpResponse(
  request: Request,
  pool: PoolRecord,
  ctx: RequestContext,
): Promise<Response> {
  if (request.method !== 'POST') return badRequest('Invalid request');
  const form = new URLSearchParams(await request.text());
  const pending = takePending(ctx, form.get('RelayState'));
  // IdP-initiated sign-in (no RelayState from an authorize request) is off by default in Cognito.
  if (!pending) return badRequest('Invalid samlResponse or relayState from identity provider');
  const fail = appError(pending);
  const provider = getOwn(getOwn(oauthState(ctx.world).identityProviders, pool.id), pending.providerName);
  if (!provider?.saml) return fail('Invalid identity provider');
  const verified = await verifySamlResponse(ctx.world, form.get('SAMLResponse') ?? '', {
    certificates: provider.saml.certificates,
    audience: cognitoSamlAudience(pool.id),
    recipient: cognitoSamlAcsUrl(pool.domainPrefix ?? '', ctx.world.region),
  });
  if (!verified.ok) {
    ctx.emit('saml.rejected', `Cognito rejected the SAML response: ${verified.message}`, verified);
    return fail('Invalid samlResponse or relayState from identity provider');
  }
  if (
    verified.issuer !== provider.saml.entityId ||
    (verified.inResponseTo !== undefined && verified.inResponseTo !== pending.samlRequestId)
  ) {
    return fail('Invalid samlResponse or relayState from identity provider');
  }
  const consumed = oauthState(ctx.world).consumedAssertions;
  const replayId = samlReplayId(verified);
  for (const [id, until] of Object.entries(consumed)) if (until <= ctx.world.now()) delete consumed[id];
  if (hasOwn(consumed, replayId)) return fail('Invalid samlResponse or relayState from identity provider');
  setOwn(consumed, replayId, verified.notOnOrAfter);
  ctx.emit('saml.accepted', `Cognito accepted a signed SAML assertion for ${verified.nameId}`, {
    issuer: verified.issuer,
    nameId: verified.nameId,
    attributes: verified.attributes,
  });
  const attributes = mapAttributes(provider, (name) => getOwn(verified.attributes, name)?.[0]);
  const identity = { providerName: pending.providerName, userId: verified.nameId, attributes };
  const refused = refusedUpdate(ctx, pool, pending, identity);
  if (refused) return refused;
  const user = findOrCreateFederatedUser(ctx.world, pool.id, {
    providerName: pending.providerName,
    providerType: 'SAML',
    userId: verified.nameId,
    attributes,
    issuer: verified.issuer,
  });
  return finish(ctx, pending, user.username);
}
