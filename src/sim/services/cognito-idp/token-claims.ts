import { createDict, getOwn, setOwn } from '../../core/dict';
import type { World } from '../../world';
import { readable } from './client-attributes';
import { issuerOf } from './pool-lookup';
import type { AppClientRecord, PoolRecord, SessionRecord, UserRecord } from './state';

/**
 * Builds the claim sets of user pool ID and access tokens (docs/aws-reference.md §1.2–1.4). Claim order follows
 * real decoded tokens; `custom:` attributes are always strings; `*_verified` are booleans.
 */
export interface ClaimTimes {
  iat: number;
  idExp: number;
  accessExp: number;
}

interface GroupClaims {
  groups: string[];
  roles: string[];
  preferredRole?: string;
}

/**
 * Groups ordered by precedence (no precedence sorts last, then by name). `cognito:preferred_role` is
 * the role of the lowest-precedence group that has one, omitted when two such groups tie (doc).
 */
export function groupClaims(pool: PoolRecord, user: UserRecord): GroupClaims {
  const groups = user.groups
    .map((name) => getOwn(pool.groups, name))
    .filter((g) => g !== undefined)
    .sort(
      (a, b) =>
        (a.precedence ?? Number.MAX_SAFE_INTEGER) - (b.precedence ?? Number.MAX_SAFE_INTEGER) ||
        a.groupName.localeCompare(b.groupName),
    );
  const withRoles = groups.filter((g) => g.roleArn);
  const roles = [...new Set(withRoles.map((g) => g.roleArn as string))];
  let preferredRole: string | undefined;
  const first = withRoles[0];
  if (first) {
    const tie = withRoles.some(
      (g) => g !== first && g.precedence === first.precedence && g.roleArn !== first.roleArn,
    );
    if (!tie) preferredRole = first.roleArn;
  }
  return { groups: groups.map((g) => g.groupName), roles, preferredRole };
}

const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

/** The user's attributes as ID token claims (sub and identities are placed by the caller). */
function attributeClaims(user: UserRecord, client: AppClientRecord): Record<string, unknown> {
  const out = createDict<unknown>();
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub' || name === 'identities' || !readable(client, name)) continue;
    setOwn(out, name, BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value);
  }
  return out;
}

export function idTokenClaims(
  world: World,
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  session: SessionRecord,
  times: ClaimTimes,
  extra: { jti: string; atHash?: string; nonce?: string },
): Record<string, unknown> {
  const g = groupClaims(pool, user);
  const attrs = attributeClaims(user, client);
  const claims = createDict<unknown>();
  if (extra.atHash) claims.at_hash = extra.atHash;
  claims.sub = user.sub;
  if (g.groups.length) claims['cognito:groups'] = g.groups;
  if ('email_verified' in attrs) claims.email_verified = attrs.email_verified;
  claims.iss = issuerOf(world, pool.id);
  claims['cognito:username'] = user.username;
  if (extra.nonce !== undefined) claims.nonce = extra.nonce;
  claims.origin_jti = session.originJti;
  if (g.roles.length) claims['cognito:roles'] = g.roles;
  claims.aud = client.clientId;
  if (user.attributes.identities) claims.identities = JSON.parse(user.attributes.identities);
  claims.event_id = session.eventId;
  claims.token_use = 'id';
  claims.auth_time = session.authTime;
  if (g.preferredRole) claims['cognito:preferred_role'] = g.preferredRole;
  claims.exp = times.idExp;
  claims.iat = times.iat;
  claims.jti = extra.jti;
  for (const [name, value] of Object.entries(attrs))
    if (!Object.hasOwn(claims, name)) setOwn(claims, name, value);
  return claims;
}

export function accessTokenClaims(
  world: World,
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  session: SessionRecord,
  times: ClaimTimes,
  jti: string,
): Record<string, unknown> {
  const g = groupClaims(pool, user);
  const claims: Record<string, unknown> = { sub: user.sub };
  if (g.groups.length) claims['cognito:groups'] = g.groups;
  claims.iss = issuerOf(world, pool.id);
  claims.version = 2;
  claims.client_id = client.clientId;
  claims.origin_jti = session.originJti;
  claims.event_id = session.eventId;
  claims.token_use = 'access';
  claims.scope = session.scopes.join(' ');
  claims.auth_time = session.authTime;
  claims.exp = times.accessExp;
  claims.iat = times.iat;
  claims.jti = jti;
  claims.username = user.username;
  return claims;
}
