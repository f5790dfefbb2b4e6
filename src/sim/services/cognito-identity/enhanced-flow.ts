/**
 * The enhanced (simplified) flow's second half (docs/aws-reference.md §4.4): choose the role server-side, mint an
 * OpenID token for the identity, and call STS AssumeRoleWithWebIdentity internally with session
 * name CognitoIdentityCredentials for one hour, adding the guest scope-down session policies for
 * unauthenticated identities (docs/aws-reference.md §4.9). STS evaluates the role's trust policy for real; when it
 * refuses, the caller sees InvalidIdentityPoolConfigurationException (docs/aws-reference.md §4.10).
 */
import { isAwsError } from '../../core/errors';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { epochSeconds } from '../../core/time';
import { cognitoGuestSessionPolicies } from '../../iam/managed/cognito-guest';
import { assumeRoleWithWebIdentityInternal } from '../sts/web-identity';
import { IdentityErrors } from './errors';
import { mintCognitoOpenIdToken, OPENID_TOKEN_SECONDS } from './openid-token';
import { validate } from './lookup';
import { type ResolvedCaller, resolveCaller } from './resolve-caller';
import { chooseRole } from './roles';
import { principalTagsFor } from './principal-tags';

export const ENHANCED_FLOW_SESSION_NAME = 'CognitoIdentityCredentials';
/** Credentials from GetCredentialsForIdentity last one hour (doc, authentication-flow page). */
export const ENHANCED_FLOW_DURATION_SECONDS = 3600;

export async function getCredentialsForIdentity(
  ctx: RequestContext,
  caller: ResolvedCaller,
  customRoleArn?: string,
) {
  const { pool, identity } = caller;
  const role = chooseRole(ctx, pool, {
    authenticated: caller.authenticated,
    logins: caller.logins,
    customRoleArn,
  });
  const principalTags = principalTagsFor(ctx.world, pool.IdentityPoolId, caller.logins);
  if (Object.keys(principalTags).length > 0) {
    ctx.emit(
      'session-tags',
      `Attributes for access control: ${Object.entries(principalTags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')} become session tags (the role's trust policy must allow sts:TagSession)`,
      { principalTags: { ...principalTags } },
    );
  }
  const { token } = await mintCognitoOpenIdToken(ctx.world, {
    identityId: identity.identityId,
    poolId: pool.IdentityPoolId,
    amr: caller.amr,
    seconds: OPENID_TOKEN_SECONDS,
    principalTags,
  });
  const sessionPolicies = caller.authenticated ? [] : cognitoGuestSessionPolicies();
  if (sessionPolicies.length) {
    ctx.emit(
      'session-policy',
      'Guest scope-down: Cognito passes session policies with the AssumeRoleWithWebIdentity call',
      {
        policies: sessionPolicies.map((p) => p.arn ?? p.name),
      },
    );
  }
  const inline = sessionPolicies.find((p) => !p.arn);
  let result: Awaited<ReturnType<typeof assumeRoleWithWebIdentityInternal>>;
  try {
    result = await assumeRoleWithWebIdentityInternal(ctx.world, ctx, {
      roleArn: role.roleArn,
      webIdentityToken: token,
      roleSessionName: ENHANCED_FLOW_SESSION_NAME,
      durationSeconds: ENHANCED_FLOW_DURATION_SECONDS,
      policy: inline ? JSON.stringify(inline.document) : undefined,
      policyArns: sessionPolicies.filter((p) => p.arn).map((p) => p.arn as string),
    });
  } catch (error) {
    if (!isAwsError(error)) throw error;
    ctx.emit('sts.refused', `STS refused ${role.roleArn}: ${error.code}: ${error.message}`, {
      roleArn: role.roleArn,
      code: error.code,
      message: error.message,
    });
    throw IdentityErrors.badPoolConfiguration();
  }
  const c = result.credentials;
  return {
    IdentityId: identity.identityId,
    Credentials: {
      AccessKeyId: c.accessKeyId,
      // The identity pools API says SecretKey where STS says SecretAccessKey (docs/aws-reference.md §4.2).
      SecretKey: c.secretAccessKey,
      SessionToken: c.sessionToken,
      Expiration: epochSeconds(c.expiration),
    },
  };
}

export async function GetCredentialsForIdentity(input: JsonInput, ctx: RequestContext) {
  const customRoleArn = validate.optionalString(input, 'CustomRoleArn', { min: 20, max: 2048 });
  const caller = await resolveCaller(ctx, input);
  return getCredentialsForIdentity(ctx, caller, customRoleArn);
}
