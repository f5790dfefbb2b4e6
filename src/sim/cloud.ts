import { AwsError } from './core/errors';
import type { RequestContext, ServiceRoute } from './core/service';
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
    const ctx: RequestContext = {
      world,
      requestId,
      service: route.service,
      emit(kind, summary, detail) {
        // Nobody subscribed (a script, the SDK tests, the bench): no event object, no clock read.
        if (world.trace.listening?.() === false) return;
        world.trace.emit({ requestId, service: route.service, kind, summary, detail, at: world.now() });
      },
    };
    ctx.emit('http.request', `${request.method} ${url.href}`, { method: request.method, url: url.href });
    try {
      const response = await route.handle(request, ctx);
      ctx.emit('http.response', `${response.status}`, { status: response.status });
      return response;
    } catch (error) {
      // Handlers render their own AWS errors; reaching here is a bug in the simulation. Say so loudly.
      const message = error instanceof AwsError ? `${error.code}: ${error.message}` : String(error);
      ctx.emit('error', `Unhandled failure in ${route.service}: ${message}`, {
        stack: error instanceof Error ? error.stack : undefined,
      });
      return new Response(JSON.stringify({ message: 'Internal server error' }), {
        status: 500,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
      });
    }
  };
}

/**
 * Makes every request atomic against one cloud: a FIFO queue that runs one piece of work at a time.
 * Each request's whole handler, its WebCrypto awaits included, settles before the next one starts.
 *
 * Why a queue and not "check and write in one synchronous turn": handlers check (is this username
 * free? is this SAML assertion new? is this SyncCount current?), then await WebCrypto (password
 * hashing, signatures, token signing), then write. Moving every write before the first await would
 * have to be redone in each of dozens of handlers and undone by the next one that forgets; the queue
 * fixes the whole class in one place, and AWS answers each request as if the others had not started
 * or had finished, which is what the queue gives. The cost is one promise hop per request (the engine
 * is single-threaded anyway: queued requests lose no parallelism, only the interleaving).
 *
 * Deadlock rule: work run here must never wait for other queued work. No handler calls `cloud.fetch`
 * (services call each other through functions), real-time deliveries are posted with queueMicrotask,
 * and the demo helpers that go through the queue call no other queued helper.
 */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

export function createRequestQueue(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  const settle = () => undefined;
  return (work) => {
    const run = tail.then(work);
    // A failed piece of work must not stall the ones behind it; its caller still sees the rejection.
    tail = run.then(settle, settle);
    return run;
  };
}
