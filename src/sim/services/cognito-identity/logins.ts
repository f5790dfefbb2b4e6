/**
 * The `Logins` map (docs/aws-reference.md §4.3): each key names a provider, each value is that provider's proof.
 * Every entry is checked here and becomes a VerifiedLogin: who the user is at the provider (the id
 * the identity is linked by), the `amr` entries the OpenID token will carry (docs/aws-reference.md §4.6), the
 * claims role mapping reads, and the RoleMappings key of the provider.
 */
import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { isRevoked, type VerifyResult, verifyUserPoolToken } from '../../tokens/verify';
import type { World } from '../../world';
import { IdentityErrors } from './errors';
import { checkJwtLogin } from './jwt-login';
import { verifyCognitoOpenIdToken } from './openid-token';
import { verifySamlLogin } from './saml-login';
import type { VerifiedLogin } from './login-types';
import type { IdentityPoolConfig } from './state';

export type { VerifiedLogin } from './login-types';

export const COGNITO_IDENTITY_PROVIDER = 'cognito-identity.amazonaws.com';
export const GOOGLE_PROVIDER = 'accounts.google.com';
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];


export interface LoginOptions {
  /** GetId refuses Cognito OpenID tokens as logins; GetCredentialsForIdentity and GetOpenIdToken accept them. */
  acceptCognitoToken: boolean;
  /** Only the signed GetOpenIdTokenForDeveloperIdentity may name the developer provider with a bare user id. */
  acceptDeveloperProvider: boolean;
}

const USER_POOL_KEY = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;

export async function verifyLogins(
  ctx: RequestContext,
  pool: IdentityPoolConfig,
  logins: Record<string, string>,
  options: LoginOptions,
): Promise<VerifiedLogin[]> {
  const out: VerifiedLogin[] = [];
  for (const [provider, value] of Object.entries(logins)) {
    try {
      const login = await verifyLogin(ctx, pool, provider, value, options);
      ctx.emit('login.verified', `Login ${provider} verified: user ${login.userId}`, {
        provider,
        userId: login.userId,
        amr: login.amr,
      });
      out.push(login);
    } catch (error) {
      ctx.emit('token.rejected', `Login ${provider} refused`, { provider, error: String(error) });
      throw error;
    }
  }
  return out;
}

async function verifyLogin(
  ctx: RequestContext,
  pool: IdentityPoolConfig,
  provider: string,
  value: string,
  options: LoginOptions,
): Promise<VerifiedLogin> {
  const world = ctx.world;
  if (provider === COGNITO_IDENTITY_PROVIDER) {
    if (!options.acceptCognitoToken) throw IdentityErrors.cognitoTokenInGetId();
    return verifyCognitoTokenLogin(world, pool, value);
  }
  if (pool.DeveloperProviderName && provider === pool.DeveloperProviderName) {
    if (!options.acceptDeveloperProvider) throw IdentityErrors.unsupportedProvider();
    return {
      provider,
      userId: value,
      amr: [provider, `${provider}:${pool.IdentityPoolId}:${value}`],
      claims: {},
      mappingKey: provider,
    };
  }
  const userPool = USER_POOL_KEY.exec(provider);
  if (userPool) {
    const configured = pool.CognitoIdentityProviders.filter((p) => p.ProviderName === provider);
    if (configured.length === 0) throw IdentityErrors.unsupportedProvider();
    const result = await verifyUserPoolToken(world, value, {
      poolId: userPool[2],
      tokenUse: 'id',
      clientId: configured.map((p) => p.ClientId),
    });
    if (!result.ok) {
      const error = userPoolFailure(world, result);
      ctx.emit('token.rejected', result.message, {
        provider,
        reason: result.reason,
        code: error.code,
        message: error.message,
      });
      throw error;
    }
    const sub = result.claims.sub;
    const clientId = String(result.claims.aud);
    const entry = configured.find((p) => p.ClientId === clientId);
    // Revoked tokens still verify offline; only a server-side check asks the user pool (docs/aws-reference.md §1.9).
    if (entry?.ServerSideTokenCheck && isRevoked(world, result.claims)) {
      ctx.emit('token.rejected', 'ServerSideTokenCheck: the user pool reports this token revoked', {
        provider,
      });
      throw IdentityErrors.tokenRevoked();
    }
    return {
      provider,
      userId: sub,
      amr: [provider, `${provider}:CognitoSignIn:${sub}`],
      claims: result.claims,
      mappingKey: `${provider}:${clientId}`,
    };
  }
  if (provider === GOOGLE_PROVIDER) {
    const clientIds = getOwn(pool.SupportedLoginProviders, GOOGLE_PROVIDER);
    if (!clientIds) throw IdentityErrors.unsupportedProvider();
    const check = await checkJwtLogin(world, value, {
      keys: [world.keys.google],
      issuers: GOOGLE_ISSUERS,
      audiences: clientIds.split(',').map((s) => s.trim()),
    });
    if (!check.ok) {
      ctx.emit('token.rejected', check.detail, {
        provider,
        code: check.error.code,
        message: check.error.message,
      });
      throw check.error;
    }
    const sub = String(check.claims.sub);
    return {
      provider,
      userId: sub,
      amr: [provider, `${provider}:${sub}`],
      claims: check.claims,
      mappingKey: provider,
    };
  }
  if (pool.SamlProviderARNs.includes(provider)) return verifySamlLogin(ctx, provider, value);
  throw IdentityErrors.unsupportedProvider();
}

async function verifyCognitoTokenLogin(
  world: World,
  pool: IdentityPoolConfig,
  token: string,
): Promise<VerifiedLogin> {
  const check = await verifyCognitoOpenIdToken(world, token);
  if (!check.ok) {
    if (check.problem === 'expired' && check.exp !== undefined) {
      throw IdentityErrors.tokenExpired(check.exp, Math.floor(world.now() / 1000));
    }
    if (check.problem === 'issuer') throw IdentityErrors.issuerMismatch();
    throw IdentityErrors.cantVerify();
  }
  if (check.claims.aud !== pool.IdentityPoolId) throw IdentityErrors.unsupportedProvider();
  const amr = check.claims.amr.filter((a) => a !== 'authenticated' && a !== 'unauthenticated');
  return {
    provider: COGNITO_IDENTITY_PROVIDER,
    userId: check.claims.sub,
    amr,
    claims: { ...check.claims },
    mappingKey: amr[0] ?? COGNITO_IDENTITY_PROVIDER,
    identityId: check.claims.sub,
  };
}

/** The identity pool's words for each way a user pool token can fail (docs/aws-reference.md §4.12). */
function userPoolFailure(world: World, result: Extract<VerifyResult, { ok: false }>) {
  switch (result.reason) {
    case 'expired':
      return IdentityErrors.tokenExpired(result.exp ?? 0, result.now ?? Math.floor(world.now() / 1000));
    case 'wrong-issuer':
      return IdentityErrors.issuerMismatch();
    case 'missing-claim':
      return IdentityErrors.missingClaim(result.claim ?? 'aud');
    // An access token: it has no aud, which is what the pool complains about (obs, docs/aws-reference.md §4.3).
    case 'wrong-token-use':
      return IdentityErrors.missingClaim('aud');
    case 'wrong-client':
      return IdentityErrors.unsupportedProvider();
    default:
      return IdentityErrors.cantVerify();
  }
}
