import { authenticate } from '../../auth/authenticate';
import type { Caller } from '../../auth/caller';
import { isAwsError } from '../../core/errors';
import type { RequestContext } from '../../core/service';
import { accessDeniedMessage, evaluate } from '../../iam/evaluate';
import { verifyUserPoolToken } from '../../tokens/verify';
import { appsyncErrors } from './errors';
import { FIELD_AUTH_MODES } from './schema';
import type { AuthMode, GraphqlApi } from './state';

/**
 * Who is calling a GraphQL API, decided the way AppSync decides it from the request headers:
 * `x-api-key` → API_KEY; an `Authorization` header holding a SigV4 signature → AWS_IAM; any other
 * `Authorization` value → a user pool JWT (ID or access token) for AMAZON_COGNITO_USER_POOLS.
 */
export interface AppSyncIdentity {
  mode: AuthMode;
  /** The value stored in `owner`: the user pool username, the Cognito identity id, or the IAM ARN. */
  owner: string;
  username?: string;
  groups?: string[];
  claims?: Record<string, unknown>;
  caller?: Caller;
}

export async function identify(
  api: GraphqlApi,
  request: Request,
  ctx: RequestContext,
): Promise<AppSyncIdentity> {
  const allowed: AuthMode[] = [api.defaultAuthMode, ...api.additionalAuthModes];
  const apiKey = request.headers.get('x-api-key');
  const authorization = request.headers.get('authorization');
  const { world } = ctx;
  if (apiKey !== null && !authorization) {
    const key = api.apiKeys.find((k) => k.id === apiKey);
    if (!allowed.includes('API_KEY') || !key || key.expires <= Math.floor(world.now() / 1000)) {
      throw appsyncErrors.unauthorized('You are not authorized to make this call.');
    }
    return { mode: 'API_KEY', owner: 'anonymous' };
  }
  if (!authorization) {
    throw appsyncErrors.unauthorized('Valid authorization header not provided.');
  }
  if (authorization.startsWith('AWS4-HMAC-SHA256')) {
    if (!allowed.includes('AWS_IAM'))
      throw appsyncErrors.unauthorized('Valid authorization header not provided.');
    try {
      const caller = await authenticate(request, ctx, { service: 'appsync', dialect: 'rest-json' });
      const identityId = caller.context['cognito-identity.amazonaws.com:sub'];
      return { mode: 'AWS_IAM', owner: typeof identityId === 'string' ? identityId : caller.arn, caller };
    } catch (error) {
      if (isAwsError(error)) throw appsyncErrors.signatureRefused(error);
      throw error;
    }
  }
  if (!allowed.includes('AMAZON_COGNITO_USER_POOLS')) {
    throw appsyncErrors.unauthorized('Valid authorization header not provided.');
  }
  // The JWT goes bare in the header: AppSync does not strip a `Bearer ` prefix, and a prefixed value
  // fails to parse (aws/aws-appsync-community#96 and #198).
  const verified = await verifyUserPoolToken(world, authorization, { poolId: api.userPoolId });
  if (!verified.ok) {
    const message = verified.reason === 'expired' ? 'Token has expired.' : 'Unable to parse JWT token.';
    ctx.emit('token.rejected', `AppSync refused the JWT: ${verified.message}`, { reason: verified.reason });
    throw appsyncErrors.unauthorized(message);
  }
  const claims = verified.claims;
  const username = String(claims.username ?? claims['cognito:username'] ?? claims.sub);
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
  return { mode: 'AMAZON_COGNITO_USER_POOLS', owner: username, username, groups, claims };
}

/**
 * The schema's per-type auth modes (AppSync's @aws_* directives): a root type that does not accept the
 * caller's mode refuses the field with a field error in a 200 answer ("Not Authorized to access …").
 */
export function authorizeField(
  identity: AppSyncIdentity,
  type: keyof typeof FIELD_AUTH_MODES,
  field: string,
): void {
  const modes: readonly string[] = FIELD_AUTH_MODES[type];
  if (!modes.includes(identity.mode)) throw appsyncErrors.unauthorizedField(field, type);
}

/**
 * IAM authorisation: an AWS_IAM caller needs `appsync:GraphQL` on the ARN of every root field it asks
 * for, checked before anything runs. A deny refuses the whole request as 401 UnauthorizedException
 * "Permission denied", not as a field error of a 200 answer: that is what signed callers whose policy
 * lacks the field see (aws-amplify/amplify-cli#4343 and #5822, amplify-category-api#2457; over the
 * real-time endpoint, amplify-android#1369). Other modes are not IAM's to judge.
 */
export function authorizeIam(
  api: GraphqlApi,
  identity: AppSyncIdentity,
  ctx: RequestContext,
  type: keyof typeof FIELD_AUTH_MODES,
  fields: readonly string[],
): void {
  const caller = identity.caller;
  if (identity.mode !== 'AWS_IAM' || !caller) return;
  const { world } = ctx;
  for (const field of fields) {
    const resource = `arn:aws:appsync:${world.region}:${world.accountId}:apis/${api.apiId}/types/${type}/fields/${field}`;
    const result = evaluate({
      action: 'appsync:GraphQL',
      resource,
      principal: caller.principal,
      resourceAccountId: world.accountId,
      context: { ...caller.context, 'aws:CurrentTime': new Date(world.now()).toISOString() },
      identityPolicies: caller.identityPolicies,
      permissionsBoundary: caller.permissionsBoundary,
      sessionPolicies: caller.sessionPolicies,
    });
    ctx.emit('iam.decision', `${result.decision}: appsync:GraphQL on ${type}.${field}`, {
      action: 'appsync:GraphQL',
      resource,
      result,
      message:
        result.decision === 'Allow'
          ? undefined
          : accessDeniedMessage(caller.arn, 'appsync:GraphQL', resource, result),
    });
    if (result.decision !== 'Allow') throw appsyncErrors.unauthorized('Permission denied');
  }
}
