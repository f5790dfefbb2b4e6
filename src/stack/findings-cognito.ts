import { clientMayWrite, DEFAULT_PASSWORD_POLICY, isPoolAttribute } from '../sim/index';
import { DOCS } from './findings-docs';
import type { Finding, ReviewInput } from './findings-types';

/**
 * User pool, app client and API findings. Thresholds are AWS's defaults: password policy as a new
 * pool gets it (8 characters, every class), refresh tokens 30 days, token revocation on,
 * PreventUserExistenceErrors ENABLED (what the console picks and the docs recommend).
 */
const THIRTY_DAYS = 30 * 86400;

function clientFindings(input: ReviewInput): Finding[] {
  const out: Finding[] = [];
  for (const pool of Object.values(input.view.state.cognitoIdp.pools)) {
    for (const c of Object.values(pool.clients)) {
      const path = input.built.origins.get(`client:${c.clientId}`) ?? `app client ${c.clientName}`;
      const add = (
        code: string,
        severity: Finding['severity'],
        prop: string,
        message: string,
        docs: string,
      ) =>
        out.push({
          code,
          severity,
          path: `${path}.Properties.${prop}`,
          message: `App client ${c.clientName}: ${message}`,
          docs,
        });
      const isPublic = !c.clientSecret;
      if (c.allowedOAuthFlows.includes('implicit'))
        add(
          'client-implicit-grant',
          'medium',
          'AllowedOAuthFlows',
          'the implicit grant returns tokens in the redirect URL (browser history, logs, referrers) and issues no refresh token; use the authorization code grant with PKCE.',
          DOCS.appClients,
        );
      const passwordFlows = c.explicitAuthFlows.filter(
        (f) => f === 'ALLOW_USER_PASSWORD_AUTH' || f === 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      );
      if (isPublic && passwordFlows.length > 0)
        add(
          'client-password-auth',
          'low',
          'ExplicitAuthFlows',
          `${passwordFlows.join(', ')} sends the password itself to Cognito; a public client should use SRP (ALLOW_USER_SRP_AUTH) or the hosted UI.`,
          DOCS.authFlows,
        );
      const httpCallback = c.callbackUrls.some(
        (u) =>
          /^http:\/\/(localhost|127\.0\.0\.1)/.test(u) ||
          (/^[a-z][a-z0-9+.-]*:\/\/(?!.*\.)/.test(u) && !u.startsWith('https://')),
      );
      if (!isPublic && (c.allowedOAuthFlows.includes('implicit') || httpCallback))
        add(
          'client-secret-in-public-client',
          'medium',
          'GenerateSecret',
          'the client has a secret but is used as a public client (implicit grant or a localhost/app-scheme callback): a secret shipped to browsers or devices is not secret. Use a public client (no secret) with PKCE.',
          DOCS.appClients,
        );
      if (c.allowedOAuthFlows.includes('client_credentials')) {
        // "You can't enable client credentials grants in the same app client as either implicit or
        // authorization code grants" (doc: OAuth 2.0 grants): CreateUserPoolClient refuses such a client.
        const mixed = c.allowedOAuthFlows.filter((f) => f === 'code' || f === 'implicit');
        if (mixed.length > 0)
          add(
            'client-credentials-mixed-grants',
            'high',
            'AllowedOAuthFlows',
            `the client credentials grant is allowed beside ${mixed.join(' and ')}, which AWS does not accept in one app client: creating it fails, so the stack does not deploy. Use one client for machines and another for browsers.`,
            DOCS.oauthGrants,
          );
        // The grant authenticates the client by its secret (doc: token endpoint).
        if (isPublic)
          add(
            'client-credentials-without-secret',
            'medium',
            'GenerateSecret',
            'the client credentials grant needs a client secret, and this client has none (GenerateSecret is not true): it can never get a token.',
            DOCS.oauthGrants,
          );
      }
      if (c.refreshTokenValiditySeconds > THIRTY_DAYS)
        add(
          'refresh-token-long',
          'low',
          'RefreshTokenValidity',
          `refresh tokens live ${Math.round(c.refreshTokenValiditySeconds / 86400)} days (the default is 30): a stolen one works that long.`,
          DOCS.refreshToken,
        );
      if (!c.enableTokenRevocation)
        add(
          'token-revocation-off',
          'medium',
          'EnableTokenRevocation',
          'token revocation is off: RevokeToken cannot end a stolen refresh token’s session.',
          DOCS.revocation,
        );
      if (c.preventUserExistenceErrors === 'LEGACY')
        add(
          'prevent-user-existence-errors-legacy',
          'low',
          'PreventUserExistenceErrors',
          'PreventUserExistenceErrors is LEGACY (the default when the property is left out): sign-in and password reset answer UserNotFoundException, so anyone can test which usernames exist. Set ENABLED.',
          DOCS.existence,
        );
    }
  }
  return out;
}

function poolFindings(input: ReviewInput): Finding[] {
  const out: Finding[] = [];
  for (const pool of Object.values(input.view.state.cognitoIdp.pools)) {
    const path = input.built.origins.get(`pool:${pool.id}`) ?? `user pool ${pool.name}`;
    const resource = input.built.resources.find(
      (r) => r.type === 'AWS::Cognito::UserPool' && r.ref === pool.id,
    );
    const mfa =
      typeof resource?.props.MfaConfiguration === 'string' ? resource.props.MfaConfiguration : 'OFF';
    if (resource && mfa === 'OFF')
      out.push({
        code: 'mfa-off',
        severity: 'medium',
        path: `${path}.Properties.MfaConfiguration`,
        message: `User pool ${pool.name} has MFA off${resource.props.MfaConfiguration === undefined ? ' (the default when MfaConfiguration is left out)' : ''}: a password alone signs in. Set OPTIONAL or ON with TOTP.`,
        docs: DOCS.mfa,
      });
    const p = pool.passwordPolicy;
    const d = DEFAULT_PASSWORD_POLICY;
    const weaker = [
      p.MinimumLength < d.MinimumLength ? `minimum length ${p.MinimumLength} < ${d.MinimumLength}` : '',
      d.RequireUppercase && !p.RequireUppercase ? 'no upper case required' : '',
      d.RequireLowercase && !p.RequireLowercase ? 'no lower case required' : '',
      d.RequireNumbers && !p.RequireNumbers ? 'no numbers required' : '',
      d.RequireSymbols && !p.RequireSymbols ? 'no symbols required' : '',
    ].filter(Boolean);
    if (weaker.length > 0)
      out.push({
        code: 'password-policy-weak',
        severity: 'medium',
        path: `${path}.Properties.Policies.PasswordPolicy`,
        message: `User pool ${pool.name}: password policy weaker than a new pool's default (${weaker.join(', ')}). When PasswordPolicy is given, every Require* left out is false.`,
        docs: DOCS.password,
      });
  }
  return out;
}

/**
 * Mapped attributes a returning federated user's sign-in cannot rewrite. Cognito rewrites every mapped
 * attribute at each sign-in through the provider, so one that the schema makes immutable, or that a client
 * offering the provider may not write, lets each federated user sign in once: the engine refuses the
 * second sign-in as AWS does (docs/fidelity.md), which playing the provider twice shows.
 */
function federationFindings(input: ReviewInput): Finding[] {
  const out: Finding[] = [];
  const { pools } = input.view.state.cognitoIdp;
  for (const [poolId, providers] of Object.entries(input.view.state.cognitoOAuth.identityProviders)) {
    const pool = pools[poolId];
    if (!pool) continue;
    for (const provider of Object.values(providers ?? {})) {
      const path =
        input.built.origins.get(`idp:${poolId}:${provider.providerName}`) ??
        `provider ${provider.providerName}`;
      // `username` names the user; a name the pool does not have fails differently (not modelled).
      const mapped = Object.keys(provider.attributeMapping).filter(
        (name) => name !== 'username' && isPoolAttribute(pool, name),
      );
      const second = (name: string) =>
        `so each federated user signs in once. Cognito rewrites mapped attributes at every sign-in, and the second fails with "user.${name}: Attribute cannot be updated."`;
      for (const name of mapped.filter((n) => pool.schema.some((a) => a.name === n && !a.mutable)))
        out.push({
          code: 'mapped-attribute-immutable',
          severity: 'medium',
          path: `${path}.Properties.AttributeMapping`,
          message: `User pool ${pool.name}: ${provider.providerName} maps ${name}, which the pool’s schema makes immutable (Mutable: false), ${second(name)} Make it mutable (in a new pool: Mutable cannot change) or stop mapping it.`,
          docs: DOCS.attributeMapping,
        });
      const offering = Object.values(pool.clients).filter((c) =>
        c.supportedIdentityProviders.includes(provider.providerName),
      );
      for (const client of offering) {
        const unwritable = mapped.filter((name) => !clientMayWrite(pool, client, name));
        if (unwritable.length === 0) continue;
        out.push({
          code: 'mapped-attribute-not-writable',
          severity: 'medium',
          path: `${input.built.origins.get(`client:${client.clientId}`) ?? `app client ${client.clientName}`}.Properties.WriteAttributes`,
          message: `App client ${client.clientName} offers ${provider.providerName}, which maps ${unwritable.join(', ')}, but may not write ${unwritable.length === 1 ? 'it' : 'them'}, ${second(unwritable[0] ?? '')} Add the mapped attributes to WriteAttributes.`,
          docs: DOCS.attributeMapping,
        });
      }
    }
  }
  return out;
}

function apiFindings(input: ReviewInput): Finding[] {
  const out: Finding[] = [];
  for (const api of Object.values(input.view.state.executeApi.apis)) {
    const protectedMethods = api.methods.filter((m) => m.authorizationType !== 'NONE');
    if (protectedMethods.length === 0) continue;
    for (const m of api.methods) {
      // OPTIONS answers CORS preflights, which carry no credentials: open by design.
      if (m.authorizationType !== 'NONE' || m.httpMethod === 'OPTIONS') continue;
      out.push({
        code: 'api-method-without-auth',
        severity: 'medium',
        path:
          input.built.origins.get(`method:${api.id}:${m.httpMethod} ${m.resourcePath}`) ?? `api ${api.name}`,
        message: `${api.name}: ${m.httpMethod} ${m.resourcePath} has AuthorizationType NONE while ${protectedMethods.length} other method(s) require authorisation: anyone can call it. If that is not intended, add the authorizer.`,
        docs: DOCS.apiAccess,
      });
    }
  }
  return out;
}

export function reviewCognito(input: ReviewInput): Finding[] {
  return [
    ...clientFindings(input),
    ...poolFindings(input),
    ...federationFindings(input),
    ...apiFindings(input),
  ];
}
