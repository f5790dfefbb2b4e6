/**
 * The two ways a method is protected: a COGNITO_USER_POOLS authorizer (docs/aws-reference.md §8.1) and AWS_IAM
 * (docs/aws-reference.md §8.3). Each returns what the backend will see in `requestContext`, or throws the
 * gateway response that ends the request (execute-api/errors.ts).
 */
import { authenticateIfSigned } from '../../auth/authenticate';
import type { Caller } from '../../auth/caller';
import { isAwsError } from '../../core/errors';
import type { RequestContext } from '../../core/service';
import { verifyUserPoolToken } from '../../tokens/verify';
import { authorize } from '../s3/authorize';
import { stringifyClaims } from './claims';
import { gatewayErrors, signatureErrorType } from './errors';
import type { ApiMethod, CognitoAuthorizer, RestApi } from './state';

/** What the backend will see of the caller in `requestContext`. */
export interface AuthorizerOutcome {
  requestContext: Record<string, unknown>;
}

/**
 * Cognito user pool authorizer. The token goes bare in the header; `Bearer <token>` is accepted too
 * (AWS's examples use the bare token; reports since 2016 say the prefix works). Without method
 * scopes the token must be an ID token; with scopes, an access token whose `scope` holds one of
 * them. The ID token's `aud` is not compared with any app client (no token validation regex here),
 * so any app client of a configured pool is let in. Every failure is 401: "Unauthorized", or "The
 * incoming token has expired" for a token past its `exp` (obs); for a valid access token missing the
 * scopes 401 is what reports show ((unv) in docs/aws-reference.md §8.1).
 */
export async function cognitoAuthorizer(
  ctx: RequestContext,
  request: Request,
  authorizer: CognitoAuthorizer,
  method: ApiMethod,
): Promise<AuthorizerOutcome> {
  const reject = (why: string, detail: Record<string, unknown> = {}): never => {
    ctx.emit('token.rejected', `Cognito authorizer ${authorizer.name}: ${why}`, {
      authorizer: authorizer.name,
      reason: why,
      ...detail,
    });
    throw detail.failure === 'expired' ? gatewayErrors.tokenExpired() : gatewayErrors.unauthorized();
  };
  const raw = request.headers.get(authorizer.header)?.trim() ?? '';
  if (!raw) return reject(`no ${authorizer.header} header`);
  const token = /^Bearer\s+/i.test(raw) ? raw.replace(/^Bearer\s+/i, '') : raw;
  const scopes = method.authorizationScopes ?? [];
  const tokenUse = scopes.length > 0 ? 'access' : 'id';
  const result = await verifyUserPoolToken(ctx.world, token, { tokenUse });
  if (!result.ok) return reject(result.message, { failure: result.reason, expected: `${tokenUse} token` });
  const poolArn = `arn:aws:cognito-idp:${ctx.world.region}:${ctx.world.accountId}:userpool/${result.poolId}`;
  if (!authorizer.providerArns.includes(poolArn))
    return reject(`issuer pool ${result.poolId} is not one of the authorizer's user pools`);
  if (scopes.length > 0) {
    const granted = String(result.claims.scope ?? '').split(' ');
    if (!scopes.some((s) => granted.includes(s)))
      return reject(`the access token carries none of the method's scopes (${scopes.join(', ')})`, {
        granted,
      });
  }
  const claims = stringifyClaims(result.claims);
  ctx.emit(
    'token.verified',
    `Cognito authorizer ${authorizer.name} accepted the ${tokenUse} token of ${String(result.claims.sub)}`,
    {
      authorizer: authorizer.name,
      tokenUse,
      claims,
    },
  );
  return { requestContext: { authorizer: { claims }, identity: emptyIdentity(request) } };
}

function emptyIdentity(request: Request): Record<string, string | null> {
  return {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: null,
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: request.headers.get('user-agent'),
    user: null,
  };
}

/**
 * `requestContext.identity` for an IAM-authorised call. The cognito* fields come from the
 * `cognito-identity.amazonaws.com:*` keys of identity pool sessions: type from the first `amr`
 * value, provider from the rest (docs/aws-reference.md §4.6, §8.3). The simulation has no client IP: `sourceIp` is null.
 */
export function iamIdentity(request: Request, caller: Caller): Record<string, string | null> {
  const amrRaw = caller.context['cognito-identity.amazonaws.com:amr'];
  const amr = Array.isArray(amrRaw) ? amrRaw : amrRaw ? [amrRaw] : [];
  const fromCognito = caller.context['cognito-identity.amazonaws.com:sub'] !== undefined;
  const type = amr.includes('authenticated')
    ? 'authenticated'
    : amr.includes('unauthenticated')
      ? 'unauthenticated'
      : null;
  const providers = amr.filter((a) => a !== 'authenticated' && a !== 'unauthenticated');
  const one = (key: string) => {
    const v = caller.context[key];
    return typeof v === 'string' ? v : null;
  };
  return {
    cognitoIdentityPoolId: fromCognito ? one('cognito-identity.amazonaws.com:aud') : null,
    accountId: caller.accountId,
    cognitoIdentityId: fromCognito ? one('cognito-identity.amazonaws.com:sub') : null,
    caller: caller.userId,
    sourceIp: null,
    principalOrgId: null,
    accessKey: caller.accessKeyId,
    cognitoAuthenticationType: fromCognito ? type : null,
    cognitoAuthenticationProvider: fromCognito && providers.length > 0 ? providers.join(',') : null,
    userArn: caller.arn,
    userAgent: request.headers.get('user-agent'),
    user: caller.userId,
  };
}

/** AWS_IAM: SigV4 for service `execute-api`, then `execute-api:Invoke` on the method's ARN. */
export async function iamAuthorizer(
  ctx: RequestContext,
  request: Request,
  api: RestApi,
  stage: string,
  method: ApiMethod,
): Promise<AuthorizerOutcome> {
  let caller: Caller | undefined;
  try {
    caller = await authenticateIfSigned(request.clone(), ctx, {
      service: 'execute-api',
      dialect: 'apigateway',
    });
  } catch (error) {
    if (!isAwsError(error)) throw error;
    const message = error.extra.apigatewayMessage ?? error.message;
    throw gatewayErrors.signature(signatureErrorType(message), message);
  }
  if (!caller) throw gatewayErrors.missingAuthenticationToken();
  const resource = `arn:aws:execute-api:${ctx.world.region}:${ctx.world.accountId}:${api.id}/${stage}/${method.httpMethod}${method.resourcePath}`;
  const result = authorize(ctx, {
    caller,
    action: 'execute-api:Invoke',
    resource,
    resourceAccountId: ctx.world.accountId,
    url: new URL(request.url),
    userAgent: request.headers.get('user-agent'),
  });
  if (result.decision !== 'Allow') {
    // Observed text has no "because …" clause; an explicit deny adds "with an explicit deny" ((unv)).
    const base = `User: ${caller.arn} is not authorized to perform: execute-api:Invoke on resource: ${resource}`;
    const message = result.decision === 'ExplicitDeny' ? `${base} with an explicit deny` : base;
    throw gatewayErrors.accessDenied(message);
  }
  return { requestContext: { identity: iamIdentity(request, caller) } };
}
