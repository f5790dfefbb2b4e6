/**
 * The logins an identity pool accepts, each with the `amr` Cognito's OpenID token carries for it and
 * the RoleMappings keys that select its mapping. The strings follow the engine's own
 * (src/sim/services/cognito-identity/logins.ts and saml-login.ts build them inside token
 * verification, which this pure view cannot call) and aws-facts.md §4.3 / §4.6:
 * amr = ["authenticated", <Logins key>, <Logins key>:<user …>], the Logins key being the user pool's
 * `cognito-idp.<region>.amazonaws.com/<poolId>`, `accounts.google.com`, the SAML provider ARN, the
 * IAM OIDC provider's host, or the developer provider name.
 */
import type { IdentityPoolConfig } from '../sim/index';
import type { WorldView } from './world-view';

export interface PoolLogin {
  /** The Logins map key, which is also amr[1]. */
  key: string;
  /** What the provider is, for labels. */
  kind: 'user pool' | 'social' | 'SAML' | 'OIDC' | 'developer';
  /** RoleMappings keys that apply to this login (user pools: `<key>:<appClientId>`). */
  mappingKeys: string[];
  /** The OpenID token's amr for a user of this login. */
  amr: string[];
}

const USER = 'user';

export function poolLogins(view: WorldView, pool: IdentityPoolConfig): PoolLogin[] {
  const out: PoolLogin[] = [];
  const byKey = new Map<string, PoolLogin>();
  const add = (login: PoolLogin) => {
    const seen = byKey.get(login.key);
    if (seen) seen.mappingKeys.push(...login.mappingKeys.filter((k) => !seen.mappingKeys.includes(k)));
    else {
      byKey.set(login.key, login);
      out.push(login);
    }
  };
  for (const p of pool.CognitoIdentityProviders)
    add({
      key: p.ProviderName,
      kind: 'user pool',
      // RoleMappings for a user pool are keyed by provider and app client (aws-facts.md §4.8).
      mappingKeys: [`${p.ProviderName}:${p.ClientId}`],
      amr: ['authenticated', p.ProviderName, `${p.ProviderName}:CognitoSignIn:${USER}`],
    });
  for (const key of Object.keys(pool.SupportedLoginProviders))
    add({ key, kind: 'social', mappingKeys: [key], amr: ['authenticated', key, `${key}:${USER}`] });
  for (const arn of pool.SamlProviderARNs)
    add({ key: arn, kind: 'SAML', mappingKeys: [arn], amr: ['authenticated', arn, `${arn}:${USER}`] });
  for (const arn of pool.OpenIdConnectProviderARNs) {
    const own = Object.hasOwn(view.state.iam.oidcProviders, arn)
      ? view.state.iam.oidcProviders[arn]
      : undefined;
    const host = (own?.url ?? arn.split(':oidc-provider/')[1] ?? arn).replace(/^https:\/\//, '');
    // IAM OIDC provider: ["authenticated", "<host>", "<provider ARN>:OIDC:<sub>"] (aws-facts.md §4.6, obs).
    add({
      key: host,
      kind: 'OIDC',
      mappingKeys: [host, arn],
      amr: ['authenticated', host, `${arn}:OIDC:${USER}`],
    });
  }
  const dev = pool.DeveloperProviderName;
  if (dev)
    add({
      key: dev,
      kind: 'developer',
      mappingKeys: [dev],
      amr: ['authenticated', dev, `${dev}:${pool.IdentityPoolId}:${USER}`],
    });
  return out;
}

/** The amr of a RoleMappings key: its login's, or the key itself (minus a user pool's `:<clientId>`). */
export function amrForMappingKey(logins: PoolLogin[], mappingKey: string): string[] {
  const login = logins.find((l) => l.mappingKeys.includes(mappingKey));
  if (login) return login.amr;
  const userPool = /^(cognito-idp\.[^/]+\/[^:]+):/.exec(mappingKey)?.[1];
  const key = userPool ?? mappingKey;
  return ['authenticated', key, `${key}:${USER}`];
}
