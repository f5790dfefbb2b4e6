/**
 * The simulated corporate IdP "ExampleCorp" at https://idp.example-corp.test.
 *
 * - GET  /metadata                 the SAML metadata (entity id, signing certificate, SSO endpoints)
 * - GET  /sso/saml?SAMLRequest=…&RelayState=…   the sign-in page (SP-initiated, HTTP-Redirect binding)
 * - POST /sso/saml                 urlencoded `username`, `password`, and either the `SAMLRequest` +
 *   `RelayState` received (SP-initiated) or `sp=<entity id>` (IdP-initiated; default AWS). Success is
 *   the HTTP-POST binding: a 200 page whose form auto-posts `SAMLResponse` (+ `RelayState`) to the
 *   SP's ACS URL. Scripts may send `Accept: application/json` to get `{ action, SAMLResponse,
 *   RelayState }` instead of the page. Wrong credentials answer 401 with the sign-in page.
 */
import type { RequestContext, ServiceRoute } from '../../core/service';
import { plainJsonProtocol } from '../../protocol/registry';
import { AWS_SAML_AUDIENCES } from '../../saml/names';
import { escapeHtml, hiddenInputs, htmlResponse, jsonResponse, readParams } from '../idp-google/html';
import { readAuthnRequest } from './authn-request';
import { issueSamlResponse, samlSignIn } from './issue-response';
import { SAML_IDP_HOST, SAML_IDP_SSO_URL, samlIdpMetadataXml } from './metadata';
import type { SamlServiceProvider } from './state';

function signInPage(status: number, params: URLSearchParams, error?: string): Response {
  const kept = [...params].filter(([k]) => k === 'SAMLRequest' || k === 'RelayState' || k === 'sp');
  return htmlResponse(
    status,
    'ExampleCorp sign-in',
    `<h1>ExampleCorp single sign-on</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}` +
      `<form method="POST" action="${SAML_IDP_SSO_URL}">${hiddenInputs(kept)}` +
      '<label>Username <input name="username" autocomplete="username"></label>' +
      '<label>Password <input name="password" type="password" autocomplete="current-password"></label>' +
      '<button type="submit">Sign in</button></form>',
  );
}

function errorPage(message: string): Response {
  return htmlResponse(
    400,
    'ExampleCorp sign-in error',
    `<h1>Sign-in error</h1><p role="alert">${escapeHtml(message)}</p>`,
  );
}

type SpChoice = { ok: true; sp: SamlServiceProvider; inResponseTo?: string } | { ok: false; message: string };

async function chooseServiceProvider(ctx: RequestContext, params: URLSearchParams): Promise<SpChoice> {
  const providers = ctx.world.state.saml.serviceProviders;
  const samlRequest = params.get('SAMLRequest');
  if (samlRequest) {
    const request = await readAuthnRequest(samlRequest);
    if (!request) return { ok: false, message: 'The SAMLRequest could not be read.' };
    const sp = providers.find((p) => p.entityId === request.issuer);
    if (!sp) return { ok: false, message: `Unknown service provider ${request.issuer}.` };
    if (request.acsUrl && request.acsUrl !== sp.acsUrl)
      return { ok: false, message: `AssertionConsumerServiceURL ${request.acsUrl} is not registered.` };
    return { ok: true, sp, inResponseTo: request.id };
  }
  const wanted = params.get('sp') ?? AWS_SAML_AUDIENCES[1];
  const sp = providers.find((p) => p.entityId === wanted);
  return sp ? { ok: true, sp } : { ok: false, message: `Unknown service provider ${wanted}.` };
}

async function sso(request: Request, url: URL, ctx: RequestContext): Promise<Response> {
  const params = await readParams(request, url);
  const choice = await chooseServiceProvider(ctx, params);
  if (!choice.ok) return errorPage(choice.message);
  if (request.method !== 'POST') return signInPage(200, params);
  const result = samlSignIn(ctx.world, params.get('username') ?? '', params.get('password') ?? '');
  if (!result.ok) {
    ctx.emit('saml.signin.failed', result.message, { username: params.get('username') });
    return signInPage(401, params, result.message);
  }
  const samlResponse = await issueSamlResponse(ctx.world, result.user, choice.sp, {
    inResponseTo: choice.inResponseTo,
  });
  const relayState = params.get('RelayState');
  ctx.emit(
    'saml.response.issued',
    `ExampleCorp signed a SAML assertion for ${result.user.username} → ${choice.sp.name}`,
    {
      audience: choice.sp.entityId,
      acs: choice.sp.acsUrl,
      SAMLResponse: samlResponse,
    },
  );
  if ((request.headers.get('accept') ?? '').includes('application/json')) {
    return jsonResponse(200, {
      action: choice.sp.acsUrl,
      SAMLResponse: samlResponse,
      ...(relayState !== null ? { RelayState: relayState } : {}),
    });
  }
  const fields: [string, string][] = [['SAMLResponse', samlResponse]];
  if (relayState !== null) fields.push(['RelayState', relayState]);
  return htmlResponse(
    200,
    'Signing you in…',
    `<form method="POST" action="${escapeHtml(choice.sp.acsUrl)}" id="saml-post">${hiddenInputs(fields)}<noscript><button type="submit">Continue</button></noscript></form>` +
      '<script>document.getElementById("saml-post").submit()</script>',
  );
}

async function handle(request: Request, ctx: RequestContext): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === '/metadata') {
    return new Response(samlIdpMetadataXml(ctx.world), {
      status: 200,
      headers: { 'content-type': 'application/samlmetadata+xml' },
    });
  }
  if (url.pathname === '/sso/saml') return sso(request, url, ctx);
  return htmlResponse(404, 'Not found', '<p>Not found</p>');
}

export const idpSamlRoute: ServiceRoute = {
  service: 'idp-saml',
  // The IdP's sign-in errors are pages, answered by the endpoints themselves.
  protocol: plainJsonProtocol,
  matches: (url) => url.hostname === SAML_IDP_HOST,
  handle,
};
