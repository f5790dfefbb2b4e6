/**
 * Attributes for access control (Cognito Developer Guide, "Attributes for access control" and
 * "Default provider mappings"; API reference SetPrincipalTagAttributeMap / GetPrincipalTagAttributeMap):
 * per identity provider of a pool, a map from principal-tag key to a claim of the user's token. When the
 * pool issues an OpenID token for a login from that provider, each mapped claim's value becomes a
 * session tag (the token's `https://aws.amazon.com/tags` claim), so STS needs `sts:TagSession` in the
 * role's trust policy and policies can read `aws:PrincipalTag/<key>`.
 * The defaults ("username and clientID", API reference) are `username` ← `sub` and `client` ← `aud` for
 * user pools and OIDC providers such as Google (Developer Guide table: "aud (client ID) and sub (user ID)";
 * the key names as the console and public templates show them, obs).
 */
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import type { World } from '../../world';
import type { VerifiedLogin } from './login-types';
import { createDict } from '../../core/dict';
import { IdentityErrors } from './errors';
import { poolIdInput, requirePool, validate } from './lookup';
import { authorizeDeveloperCall } from './signed';
import type { IdentityPoolConfig, PrincipalTagMap } from './state';

export const DEFAULT_PRINCIPAL_TAGS: Readonly<Record<string, string>> = { client: 'aud', username: 'sub' };

const mapKey = (poolId: string, provider: string) => `${poolId}|${provider}`;

function maps(world: World): Record<string, PrincipalTagMap> {
  const state = world.state.cognitoIdentity;
  // Snapshots from before attributes for access control have no maps yet.
  state.principalTagMaps ??= createDict();
  return state.principalTagMaps;
}

function providerNames(pool: IdentityPoolConfig): string[] {
  return [
    ...pool.CognitoIdentityProviders.map((p) => p.ProviderName),
    ...Object.keys(pool.SupportedLoginProviders),
    ...pool.OpenIdConnectProviderARNs,
    ...pool.SamlProviderARNs,
  ];
}

function providerInput(input: JsonInput): string {
  return validate.string(input, 'IdentityProviderName', { min: 1, max: 128 });
}

function mapOutput(poolId: string, provider: string, map: PrincipalTagMap) {
  return {
    IdentityPoolId: poolId,
    IdentityProviderName: provider,
    UseDefaults: map.UseDefaults,
    PrincipalTags: { ...map.PrincipalTags },
  };
}

export async function SetPrincipalTagAttributeMap(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  const provider = providerInput(input);
  if (input.UseDefaults !== undefined && typeof input.UseDefaults !== 'boolean')
    validate.fail(
      `Invalid type for parameter UseDefaults, value: ${JSON.stringify(input.UseDefaults)}, type: ${typeof input.UseDefaults}, valid types: boolean`,
    );
  const useDefaults = input.UseDefaults === true;
  const tags = validate.optionalStringMap(input, 'PrincipalTags') ?? {};
  if (Object.keys(tags).length > 50)
    validate.fail(
      "1 validation error detected: Value at 'principalTags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  for (const [key, claim] of Object.entries(tags)) {
    if (key.length < 1 || key.length > 128 || claim.length < 1 || claim.length > 256)
      validate.fail(
        "1 validation error detected: Value at 'principalTags' failed to satisfy constraint: Map keys must have length between 1 and 128, values between 1 and 256",
      );
  }
  await authorizeDeveloperCall(ctx, 'SetPrincipalTagAttributeMap', poolId);
  const pool = requirePool(ctx.world, poolId);
  // A provider the pool does not trust has nothing to map. (unv: AWS's wording is unpublished)
  if (!providerNames(pool).includes(provider)) throw IdentityErrors.providerNotConfigured(provider, poolId);
  const PrincipalTags = useDefaults ? defaultsFor(pool, provider) : { ...tags };
  const all = maps(ctx.world);
  const key = mapKey(poolId, provider);
  // Clearing the map (no defaults, no tags) removes it: Get answers ResourceNotFoundException again
  // (unv: what a public emulator's calibration tests expect; no AWS document says so).
  if (!useDefaults && Object.keys(PrincipalTags).length === 0) delete all[key];
  else all[key] = { UseDefaults: useDefaults, PrincipalTags };
  ctx.emit('state', `Principal tags for ${provider} in ${poolId}`, {
    useDefaults,
    principalTags: PrincipalTags,
  });
  return mapOutput(poolId, provider, { UseDefaults: useDefaults, PrincipalTags });
}

export async function GetPrincipalTagAttributeMap(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  const provider = providerInput(input);
  await authorizeDeveloperCall(ctx, 'GetPrincipalTagAttributeMap', poolId);
  requirePool(ctx.world, poolId);
  const map = maps(ctx.world)[mapKey(poolId, provider)];
  if (!map || !Object.hasOwn(maps(ctx.world), mapKey(poolId, provider)))
    // (unv: the exception is the API reference's; the wording is the simulation's)
    throw IdentityErrors.principalTagMapNotFound(provider, poolId);
  return mapOutput(poolId, provider, map);
}

/** The documented defaults apply to token providers; SAML's default attributes are not modelled. */
function defaultsFor(pool: IdentityPoolConfig, provider: string): Record<string, string> {
  return pool.SamlProviderARNs.includes(provider) ? {} : { ...DEFAULT_PRINCIPAL_TAGS };
}

/**
 * The session tags for a set of verified logins: each login's provider map, each mapped claim's value.
 * A claim the token lacks gives no tag. Multivalued claims cannot be tags (a tag holds one value).
 */
export function principalTagsFor(
  world: World,
  poolId: string,
  logins: VerifiedLogin[],
): Record<string, string> {
  const all = maps(world);
  const tags: Record<string, string> = Object.create(null);
  for (const login of logins) {
    const key = mapKey(poolId, login.provider);
    if (!Object.hasOwn(all, key)) continue;
    const map = all[key] as PrincipalTagMap;
    for (const [tag, claim] of Object.entries(map.PrincipalTags)) {
      if (!Object.hasOwn(login.claims, claim)) continue;
      const value = login.claims[claim];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        tags[tag] = String(value);
    }
  }
  return tags;
}
