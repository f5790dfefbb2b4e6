/**
 * cognito-identity: the identity pools API at https://cognito-identity.<region>.amazonaws.com/ (AWS
 * JSON 1.1, `AWSCognitoIdentityService.<Op>`), plus the OpenID issuer's key set and discovery document
 * at https://cognito-identity.amazonaws.com/.well-known/… (docs/aws-reference.md §4.6). Opt-in Regions use a
 * Regional issuer host, so the well-known paths are answered on both hosts.
 */
import type { ServiceRoute } from '../../core/service';
import { json11Handler } from '../../protocol/json-1-1';
import { cognitoIdentityDiscovery, cognitoIdentityJwks } from './openid-token';
import { operations } from './operations';
import { keepUnreadCopy } from './signed';
import { json11Protocol } from '../../protocol/json-1-1';

const handler = json11Handler({ targetPrefix: 'AWSCognitoIdentityService', operations });

/** JWKS clients cache the keys (doc: Cache-Control max-age of 30 days). */
const WELL_KNOWN_CACHE = 'max-age=2592000';

export const cognitoIdentityRoute: ServiceRoute = {
  service: 'cognito-identity',
  protocol: json11Protocol(),
  matches: (url, world) =>
    url.hostname === 'cognito-identity.amazonaws.com' ||
    url.hostname === `cognito-identity.${world.region}.amazonaws.com`,
  async handle(request, ctx) {
    const path = new URL(request.url).pathname;
    if (
      request.method === 'GET' &&
      (path === '/.well-known/jwks_uri' || path === '/.well-known/openid-configuration')
    ) {
      const body = path.endsWith('jwks_uri') ? cognitoIdentityJwks(ctx.world) : cognitoIdentityDiscovery();
      ctx.emit('request', `GET ${path}`, { path });
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: {
          'content-type': 'application/json',
          'cache-control': WELL_KNOWN_CACHE,
          'x-amzn-requestid': ctx.requestId,
        },
      });
    }
    keepUnreadCopy(ctx, request);
    return handler(request, ctx);
  },
};
