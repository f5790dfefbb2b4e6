/**
 * A deployed REST API at `https://<apiId>.execute-api.<region>.amazonaws.com/<stage>/…`: find the
 * stage and method, run its authorizer, then answer with the Lambda proxy integration's view of
 * the request (the backend echoes `requestContext`, so a learner sees exactly what it received).
 * A gateway response that ends the request is thrown (execute-api/errors.ts) and answered at dispatch.
 */
import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { type AuthorizerOutcome, cognitoAuthorizer, iamAuthorizer } from './authorizers';
import { gatewayErrors } from './errors';
import type { ApiMethod, RestApi } from './state';

export function apiIdFromHost(host: string, region: string): string | undefined {
  const suffix = `.execute-api.${region}.amazonaws.com`;
  return host.endsWith(suffix) ? host.slice(0, -suffix.length) : undefined;
}

function findMethod(api: RestApi, httpMethod: string, resourcePath: string): ApiMethod | undefined {
  return api.methods.find(
    (m) => m.resourcePath === resourcePath && (m.httpMethod === httpMethod || m.httpMethod === 'ANY'),
  );
}

export async function handleExecuteApi(request: Request, ctx: RequestContext): Promise<Response> {
  const url = new URL(request.url);
  const apiId = apiIdFromHost(url.hostname.toLowerCase(), ctx.world.region) ?? '';
  const api = getOwn(ctx.world.state.executeApi.apis, apiId);
  const [, stage = '', ...rest] = url.pathname.split('/');
  // An API that does not exist has no DNS name; the router never sends one here.
  if (!api) throw gatewayErrors.forbidden();
  if (!api.stages.includes(stage)) throw gatewayErrors.forbidden();
  const resourcePath = `/${rest.join('/')}`.replace(/(.)\/$/, '$1');
  const method = findMethod(api, request.method.toUpperCase(), resourcePath);
  ctx.emit('request', `API Gateway ${request.method} /${stage}${resourcePath}`, {
    apiId,
    stage,
    resourcePath,
    authorizationType: method?.authorizationType,
  });
  // Unknown resources and methods answer like an unsigned IAM call (MISSING_AUTHENTICATION_TOKEN).
  if (!method) throw gatewayErrors.missingAuthenticationToken();

  let outcome: AuthorizerOutcome;
  if (method.authorizationType === 'AWS_IAM') {
    outcome = await iamAuthorizer(ctx, request, api, stage, method);
  } else if (method.authorizationType === 'COGNITO_USER_POOLS') {
    const authorizer = getOwn(api.authorizers, method.authorizerId);
    if (!authorizer) throw new Error(`method ${method.resourcePath} names a missing authorizer`);
    outcome = await cognitoAuthorizer(ctx, request, authorizer, method);
  } else {
    outcome = { requestContext: {} };
  }

  const requestContext = {
    resourcePath,
    httpMethod: method.httpMethod,
    path: `/${stage}${resourcePath}`,
    stage,
    apiId,
    accountId: ctx.world.accountId,
    requestId: ctx.requestId,
    requestTimeEpoch: ctx.world.now(),
    ...outcome.requestContext,
  };
  const body = { message: `Hello from ${method.httpMethod} ${resourcePath}`, requestContext };
  ctx.emit(
    'apigateway.integration',
    `Integration echoed the request context of ${method.httpMethod} ${resourcePath}`,
    requestContext,
  );
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': ctx.requestId,
      'x-amz-apigw-id': ctx.extendedRequestId ?? '',
    },
  });
}
