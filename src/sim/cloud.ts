import type { RequestContext, ServiceRoute } from './core/service';
import { serve } from './protocol/wire-protocol';
import type { World } from './world';
import { appsyncRoute } from './services/appsync/route';
import { cognitoIdentityRoute } from './services/cognito-identity/route';
import { cognitoIdpRoute } from './services/cognito-idp/route';
import { cognitoOAuthRoute } from './services/cognito-idp/oauth/route';
import { cognitoSyncRoute } from './services/cognito-sync/route';
import { executeApiRoute } from './services/execute-api/route';
import { idpGoogleRoute } from './services/idp-google/route';
import { idpSamlRoute } from './services/idp-saml/route';
import { s3Route } from './services/s3/route';
import { ssmRoute } from './services/ssm/route';
import { stsRoute } from './services/sts/route';

/**
 * Routes a Request to the simulated service that owns its host, the way DNS and AWS's front ends
 * would. An unknown host fails as a real fetch does when the name does not resolve: the promise
 * rejects with a TypeError, and no Response exists.
 */
const routes: ServiceRoute[] = [
  cognitoIdpRoute,
  cognitoIdentityRoute,
  stsRoute,
  s3Route,
  executeApiRoute,
  ssmRoute,
  cognitoSyncRoute,
  idpGoogleRoute,
  idpSamlRoute,
  cognitoOAuthRoute,
  appsyncRoute,
];

export function createRouter(world: World): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const route = routes.find((r) => r.matches(url, world));
    if (!route) throw new TypeError(`fetch failed: getaddrinfo ENOTFOUND ${url.hostname}`);
    // Most services use UUID request ids; S3 has its own 16-character form (ServiceRoute.newRequestId).
    const requestId = route.newRequestId?.(world) ?? world.random.uuid();
    const extendedRequestId = route.newExtendedRequestId?.(world);
    const ctx: RequestContext = {
      world,
      requestId,
      extendedRequestId,
      service: route.service,
      emit(kind, summary, detail) {
        // Nobody subscribed (a script, the SDK tests, the bench): no event object, no clock read.
        if (world.trace.listening?.() === false) return;
        world.trace.emit({ requestId, service: route.service, kind, summary, detail, at: world.now() });
      },
    };
    ctx.emit('http.request', `${request.method} ${url.href}`, { method: request.method, url: url.href });
    // Handlers throw; `serve` records every failure once and answers it in the route's protocol
    // (an AwsError as AWS words it, anything else as the protocol's own 500 internal failure).
    const response = await serve(route, request, ctx);
    ctx.emit('http.response', `${response.status}`, { status: response.status });
    return response;
  };
}
