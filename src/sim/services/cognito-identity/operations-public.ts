/**
 * The unsigned identity pool operations a browser app calls (docs/aws-reference.md §4.2): GetId,
 * GetOpenIdToken (basic flow, first half); GetCredentialsForIdentity is in enhanced-flow.ts.
 */
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { IdentityErrors } from './errors';
import { attachLogins, createIdentity } from './identities';
import { verifyLogins } from './logins';
import { identityIdInput, loginsInput, poolIdInput, requireIdentity, requirePool, validate } from './lookup';
import { mintCognitoOpenIdToken, OPENID_TOKEN_SECONDS } from './openid-token';
import { resolveCaller } from './resolve-caller';
import { principalTagsFor } from './principal-tags';

export async function GetId(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  validate.optionalString(input, 'AccountId', { min: 1, max: 15, pattern: /^\d+$/, patternText: '\\d+' });
  const rawLogins = loginsInput(input);
  const pool = requirePool(ctx.world, poolId);
  if (Object.keys(rawLogins).length === 0) {
    if (!pool.AllowUnauthenticatedIdentities) throw IdentityErrors.guestsNotSupported();
    // A guest identity is new every time: nothing ties it to a person (docs/aws-reference.md §4.7).
    return { IdentityId: createIdentity(ctx, poolId).identityId };
  }
  const logins = await verifyLogins(ctx, pool, rawLogins, {
    acceptCognitoToken: false,
    acceptDeveloperProvider: false,
  });
  const { identity, created } = attachLogins(ctx, poolId, logins);
  ctx.emit(
    'identity.resolved',
    created
      ? `New identity ${identity.identityId} for these logins`
      : `These logins already map to ${identity.identityId}`,
    {
      identityId: identity.identityId,
      created,
    },
  );
  return { IdentityId: identity.identityId };
}

export async function GetOpenIdToken(input: JsonInput, ctx: RequestContext) {
  // The basic flow lets the client pick any role trusting the pool, so the pool can switch it off
  // (docs/aws-reference.md §4.5). Both refusals are about the pool, not the caller: they come before the logins are
  // read, for guests and signed-in users alike (obs: a call with only an IdentityId is refused too).
  const requested = requireIdentity(ctx.world, identityIdInput(input));
  const rawLogins = loginsInput(input);
  const pool = requirePool(ctx.world, requested.identityPoolId);
  if (!pool.AllowClassicFlow) throw IdentityErrors.classicFlowDisabled();
  // Doc (identity pools guide, role-based access control): "When you attempt GetOpenIdToken in an
  // identity pool with role mappings, you receive" this; role mapping needs the enhanced flow.
  if (Object.keys(pool.RoleMappings).length > 0) throw IdentityErrors.classicFlowWithRoleMappings();
  // "Amazon Cognito only supports the enhanced flow with the SAML-based IdP" (identity pools guide,
  // "Customizing your user role with SAML"); wording obs: aws-amplify/aws-sdk-ios#520.
  if (Object.keys(rawLogins).some((key) => pool.SamlProviderARNs.includes(key)))
    throw IdentityErrors.classicFlowWithSaml();
  const caller = await resolveCaller(ctx, input);
  const { token, claims } = await mintCognitoOpenIdToken(ctx.world, {
    identityId: caller.identity.identityId,
    poolId: pool.IdentityPoolId,
    amr: caller.amr,
    seconds: OPENID_TOKEN_SECONDS,
    principalTags: principalTagsFor(ctx.world, pool.IdentityPoolId, caller.logins),
  });
  ctx.emit(
    'token.issued',
    `Cognito OpenID token for ${caller.identity.identityId} (${caller.amr[0]}), valid ${OPENID_TOKEN_SECONDS} s`,
    {
      claims,
    },
  );
  return { IdentityId: caller.identity.identityId, Token: token };
}
