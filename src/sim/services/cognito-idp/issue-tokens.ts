import { setOwn } from '../../core/dict';
import { epochSeconds } from '../../core/time';
import { sealRefreshToken } from '../../tokens/refresh-token';
import { accessTokenHash, signUserPoolJwt } from '../../tokens/user-pool-jwt';
import type { World } from '../../world';
import type { Emit } from './lambda-triggers';
import { applyPreTokenGeneration } from './pre-token-generation';
import type { AppClientRecord, PoolRecord, SessionRecord, UserRecord } from './state';
import { accessTokenClaims, idTokenClaims } from './token-claims';

/**
 * Mints the tokens of one authentication. A sign-in starts a session (new `origin_jti`, `auth_time`,
 * `event_id`); a refresh mints new ID and access tokens in the same session, with no new refresh token
 * (docs/aws-reference.md §1.5).
 */
export interface AuthenticationResult {
  AccessToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
  RefreshToken?: string;
  IdToken: string;
}

/** The scope of tokens from the user pool API (InitiateAuth etc.), as opposed to the OAuth endpoints. */
export const API_SCOPE = 'aws.cognito.signin.user.admin';

export function startSession(
  world: World,
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  options: { scopes: string[]; viaOAuth: boolean; authTime?: number },
): SessionRecord {
  const now = world.now();
  const session: SessionRecord = {
    originJti: world.random.uuid(),
    poolId: pool.id,
    clientId: client.clientId,
    username: user.username,
    sub: user.sub,
    authTime: options.authTime ?? epochSeconds(now),
    eventId: world.random.uuid(),
    scopes: options.scopes,
    viaOAuth: options.viaOAuth,
    createdAt: now,
  };
  setOwn(world.state.cognitoIdp.sessions, session.originJti, session);
  return session;
}

export async function mintTokens(
  world: World,
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  session: SessionRecord,
  options: {
    withRefreshToken: boolean;
    nonce?: string;
    /** The request's trace emitter, so the pre token generation trigger's event shows on the wire. */
    emit?: Emit;
    /** A sign-in that gets no refresh token though it is not a refresh: the implicit grant. */
    signInWithoutRefreshToken?: boolean;
  },
): Promise<AuthenticationResult> {
  const nowMs = world.now();
  const iat = epochSeconds(nowMs);
  const times = {
    iat,
    idExp: iat + client.idTokenValiditySeconds,
    accessExp: iat + client.accessTokenValiditySeconds,
  };
  const accessJti = world.random.uuid();
  const accessClaims = accessTokenClaims(world, pool, client, user, session, times, accessJti);
  const idJti = world.random.uuid();
  const idClaims = idTokenClaims(world, pool, client, user, session, times, {
    jti: idJti,
    nonce: options.nonce,
  });
  // A refresh mints without a new refresh token (the implicit grant's sign-in aside); OAuth sessions
  // came through the hosted UI.
  const source =
    !options.withRefreshToken && !options.signInWithoutRefreshToken
      ? 'TokenGeneration_RefreshTokens'
      : session.viaOAuth
        ? 'TokenGeneration_HostedAuth'
        : 'TokenGeneration_Authentication';
  applyPreTokenGeneration(world, options.emit, pool, client, user, source, {
    id: idClaims,
    access: accessClaims,
  });
  const accessToken = await signUserPoolJwt(world, 'access', accessClaims);
  // at_hash leads the ID token's claims (token-claims.ts order); it hashes the final access token.
  const atHash = session.viaOAuth ? await accessTokenHash(accessToken) : undefined;
  const idToken = await signUserPoolJwt(world, 'id', atHash ? { at_hash: atHash, ...idClaims } : idClaims);
  const result: AuthenticationResult = {
    AccessToken: accessToken,
    ExpiresIn: client.accessTokenValiditySeconds,
    TokenType: 'Bearer',
    IdToken: idToken,
  };
  if (options.withRefreshToken) {
    const jti = world.random.uuid();
    const exp = iat + client.refreshTokenValiditySeconds;
    session.refreshJti = jti;
    session.refreshExpiresAt = exp * 1000;
    result.RefreshToken = await sealRefreshToken(world, {
      jti,
      origin_jti: session.originJti,
      pool: pool.id,
      client_id: client.clientId,
      username: user.username,
      sub: user.sub,
      iat,
      exp,
    });
  }
  // Key order of AWS's AuthenticationResult: AccessToken, ExpiresIn, IdToken, RefreshToken, TokenType.
  return {
    AccessToken: result.AccessToken,
    ExpiresIn: result.ExpiresIn,
    IdToken: result.IdToken,
    ...(result.RefreshToken ? { RefreshToken: result.RefreshToken } : {}),
    TokenType: 'Bearer',
  };
}
