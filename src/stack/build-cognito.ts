import { type AppClientRecord, DEFAULT_PASSWORD_POLICY, type PoolRecord } from '../sim/index';
import {
  asBool,
  asNumber,
  asString,
  asStrings,
  type BuildContext,
  noteUnusedProperties,
  type ResolvedResource,
  textMap,
} from './build-context';
import { StackImportError } from './errors';
import { isRecord } from './parse';
import { ids } from './physical-ids';

/**
 * Cognito user pools, their app clients, groups, domains, identity providers and users, from the
 * CloudFormation properties (User Guide, AWS::Cognito::UserPool* pages). Where a property is left
 * out, the value is what CreateUserPool / CreateUserPoolClient use when it is absent (Cognito API
 * Reference), because that is what a deployment gets:
 * - PasswordPolicy absent: length 8, every character class required; given in part, an omitted
 *   Require* is false.
 * - ExplicitAuthFlows absent: ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH.
 * - PreventUserExistenceErrors absent: LEGACY. EnableTokenRevocation absent: true.
 * - Token validity absent: ID and access 60 minutes, refresh 30 days (units: hours / hours / days).
 */
const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
const LEGACY_FLOWS: Record<string, string> = {
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
};
export const DEFAULT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

function validity(
  props: Record<string, unknown>,
  key: string,
  unitKey: string,
  dflt: number,
  dfltUnit: string,
): number {
  const units = isRecord(props.TokenValidityUnits) ? props.TokenValidityUnits : {};
  const unit = asString(units[unitKey]) ?? dfltUnit;
  const value = asNumber(props[key]);
  return value === undefined
    ? dflt
    : value * (Object.hasOwn(UNIT_SECONDS, unit) ? (UNIT_SECONDS[unit] as number) : 3600);
}

/** The VerifiedAttributeType values of a list (`email`, `phone_number`); others are dropped. */
function verifiedNames(v: unknown): ('email' | 'phone_number')[] {
  return asStrings(v).filter((a): a is 'email' | 'phone_number' => a === 'email' || a === 'phone_number');
}

function buildPool(ctx: BuildContext, r: ResolvedResource): void {
  const p = r.props;
  const policies =
    isRecord(p.Policies) && isRecord(p.Policies.PasswordPolicy) ? p.Policies.PasswordPolicy : undefined;
  const pool: PoolRecord = {
    id: r.ref,
    name: asString(p.UserPoolName) ?? r.logical,
    arn: `arn:aws:cognito-idp:${ctx.region}:${ctx.accountId}:userpool/${r.ref}`,
    creationDate: ctx.now,
    passwordPolicy: policies
      ? {
          MinimumLength: asNumber(policies.MinimumLength) ?? 8,
          RequireUppercase: asBool(policies.RequireUppercase, false),
          RequireLowercase: asBool(policies.RequireLowercase, false),
          RequireNumbers: asBool(policies.RequireNumbers, false),
          RequireSymbols: asBool(policies.RequireSymbols, false),
          TemporaryPasswordValidityDays: asNumber(policies.TemporaryPasswordValidityDays) ?? 7,
        }
      : { ...DEFAULT_PASSWORD_POLICY },
    autoVerifiedAttributes: verifiedNames(p.AutoVerifiedAttributes),
    caseSensitiveUsernames: isRecord(p.UsernameConfiguration)
      ? asBool(p.UsernameConfiguration.CaseSensitive, true)
      : true,
    schema: (Array.isArray(p.Schema) ? p.Schema : []).filter(isRecord).map((a) => {
      const name = asString(a.Name) ?? '';
      const standard = [
        'email',
        'phone_number',
        'name',
        'given_name',
        'family_name',
        'address',
        'birthdate',
        'gender',
        'locale',
        'middle_name',
        'nickname',
        'picture',
        'preferred_username',
        'profile',
        'updated_at',
        'website',
        'zoneinfo',
      ];
      const dataType = asString(a.AttributeDataType);
      return {
        name: standard.includes(name) || name.startsWith('custom:') ? name : `custom:${name}`,
        mutable: asBool(a.Mutable, true),
        required: asBool(a.Required, false),
        dataType:
          dataType === 'Number' || dataType === 'DateTime' || dataType === 'Boolean' ? dataType : 'String',
      };
    }),
    clients: Object.create(null),
    groups: Object.create(null),
    users: Object.create(null),
  };
  const held = verifiedNames(
    isRecord(p.UserAttributeUpdateSettings)
      ? p.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate
      : undefined,
  );
  // "All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes":
  // UpdateUserPool's InvalidParameterException (aws-cli #7151); we take CreateUserPool to check the same
  // (unv), so the stack would not deploy and we refuse it.
  if (held.some((a) => !pool.autoVerifiedAttributes.includes(a)))
    throw new StackImportError(
      `${r.path}.Properties.UserAttributeUpdateSettings: All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes`,
    );
  if (held.length) pool.attributesRequireVerificationBeforeUpdate = held;
  // UsernameAttributes: users sign up and in with their email address or phone number (the username is
  // generated). AliasAttributes: a chosen username, and sign-in by a verified alias beside it. A pool takes
  // one or the other (developer guide, "Customizing sign-in attributes").
  const byAttribute = verifiedNames(p.UsernameAttributes);
  if (byAttribute.length) pool.usernameAttributes = byAttribute;
  const aliases = asStrings(p.AliasAttributes).filter(
    (a): a is 'email' | 'phone_number' | 'preferred_username' =>
      a === 'email' || a === 'phone_number' || a === 'preferred_username',
  );
  if (aliases.length && byAttribute.length)
    throw new StackImportError(
      `${r.path}.Properties: a user pool takes AliasAttributes or UsernameAttributes, not both (developer guide, "Customizing sign-in attributes")`,
    );
  if (aliases.length) pool.aliasAttributes = aliases;
  // AdminCreateUserConfig: AllowAdminCreateUserOnly refuses SignUp (CDK writes it true unless
  // selfSignUpEnabled); its invitation message settings are not simulated.
  if (isRecord(p.AdminCreateUserConfig)) {
    const config = p.AdminCreateUserConfig;
    if (asBool(config.AllowAdminCreateUserOnly, false)) pool.adminCreateUserOnly = true;
    for (const key of Object.keys(config))
      if (key !== 'AllowAdminCreateUserOnly')
        ctx.gap(
          `${r.path}.Properties.AdminCreateUserConfig.${key}`,
          `AdminCreateUserConfig ${key} is not simulated`,
        );
  }
  if (!pool.schema.some((a) => a.name === 'email'))
    pool.schema.unshift({ name: 'email', mutable: true, required: false, dataType: 'String' });
  ctx.state.cognitoIdp.pools[pool.id] = pool;
  ctx.origins.set(`pool:${pool.id}`, r.path);
  if (asString(p.MfaConfiguration) && asString(p.MfaConfiguration) !== 'OFF')
    ctx.gap(
      `${r.path}.Properties.MfaConfiguration`,
      `MfaConfiguration ${asString(p.MfaConfiguration)}: the simulated pool lets every user choose TOTP MFA but does not require it`,
    );
  if (isRecord(p.LambdaConfig))
    for (const trigger of Object.keys(p.LambdaConfig))
      ctx.gap(
        `${r.path}.Properties.LambdaConfig.${trigger}`,
        `Lambda trigger ${trigger} is not run by the simulation`,
      );
  noteUnusedProperties(ctx, r, [
    'UserPoolName',
    'Policies',
    'AutoVerifiedAttributes',
    'UserAttributeUpdateSettings',
    'UsernameConfiguration',
    'Schema',
    'MfaConfiguration',
    'LambdaConfig',
    'UserPoolTags',
    'UsernameAttributes',
    'AliasAttributes',
    'EmailVerificationMessage',
    'EmailVerificationSubject',
    'VerificationMessageTemplate',
    'AdminCreateUserConfig',
    'DeletionProtection',
    'EnabledMfas',
  ]);
}

function poolOf(ctx: BuildContext, r: ResolvedResource): PoolRecord | undefined {
  const id = asString(r.props.UserPoolId) ?? '';
  const pool = ctx.state.cognitoIdp.pools[id];
  if (!pool)
    ctx.gap(
      `${r.path}.Properties.UserPoolId`,
      `user pool ${id} is not in this template: ${r.type} ${r.logical} is not simulated`,
    );
  return pool;
}

function buildClient(ctx: BuildContext, r: ResolvedResource): void {
  const pool = poolOf(ctx, r);
  if (!pool) return;
  const p = r.props;
  const flows =
    p.ExplicitAuthFlows === undefined
      ? DEFAULT_AUTH_FLOWS
      : asStrings(p.ExplicitAuthFlows).map((f) =>
          Object.hasOwn(LEGACY_FLOWS, f) ? (LEGACY_FLOWS[f] as string) : f,
        );
  const client: AppClientRecord = {
    clientId: r.ref,
    clientName: asString(p.ClientName) ?? r.logical,
    ...(asBool(p.GenerateSecret, false) ? { clientSecret: ids.clientSecret(r.logical) } : {}),
    explicitAuthFlows: flows as AppClientRecord['explicitAuthFlows'],
    preventUserExistenceErrors: asString(p.PreventUserExistenceErrors) === 'ENABLED' ? 'ENABLED' : 'LEGACY',
    enableTokenRevocation: asBool(p.EnableTokenRevocation, true),
    idTokenValiditySeconds: validity(p, 'IdTokenValidity', 'IdToken', 3600, 'hours'),
    accessTokenValiditySeconds: validity(p, 'AccessTokenValidity', 'AccessToken', 3600, 'hours'),
    refreshTokenValiditySeconds: validity(p, 'RefreshTokenValidity', 'RefreshToken', 30 * 86400, 'days'),
    allowedOAuthFlows: asStrings(p.AllowedOAuthFlows),
    allowedOAuthScopes: asStrings(p.AllowedOAuthScopes),
    callbackUrls: asStrings(p.CallbackURLs),
    logoutUrls: asStrings(p.LogoutURLs),
    supportedIdentityProviders: asStrings(p.SupportedIdentityProviders),
    ...(asNumber(p.AuthSessionValidity)
      ? { authSessionValidityMinutes: asNumber(p.AuthSessionValidity) }
      : {}),
    // Which attributes the client reads (GetUser, ID token, userInfo) and writes (SignUp, updates).
    ...(p.ReadAttributes !== undefined ? { readAttributes: asStrings(p.ReadAttributes) } : {}),
    ...(p.WriteAttributes !== undefined ? { writeAttributes: asStrings(p.WriteAttributes) } : {}),
  };
  pool.clients[client.clientId] = client;
  ctx.origins.set(`client:${client.clientId}`, r.path);
  noteUnusedProperties(ctx, r, [
    'UserPoolId',
    'ClientName',
    'GenerateSecret',
    'ExplicitAuthFlows',
    'PreventUserExistenceErrors',
    'EnableTokenRevocation',
    'IdTokenValidity',
    'AccessTokenValidity',
    'RefreshTokenValidity',
    'TokenValidityUnits',
    'AllowedOAuthFlows',
    'AllowedOAuthScopes',
    'AllowedOAuthFlowsUserPoolClient',
    'CallbackURLs',
    'LogoutURLs',
    'SupportedIdentityProviders',
    'AuthSessionValidity',
    'DefaultRedirectURI',
    'ReadAttributes',
    'WriteAttributes',
  ]);
}

function buildGroup(ctx: BuildContext, r: ResolvedResource): void {
  const pool = poolOf(ctx, r);
  if (!pool) return;
  const precedence = asNumber(r.props.Precedence);
  pool.groups[r.ref] = {
    groupName: r.ref,
    ...(asString(r.props.Description) ? { description: asString(r.props.Description) } : {}),
    ...(precedence !== undefined ? { precedence } : {}),
    ...(asString(r.props.RoleArn) ? { roleArn: asString(r.props.RoleArn) } : {}),
    creationDate: ctx.now,
  };
  ctx.origins.set(`group:${pool.id}:${r.ref}`, r.path);
  noteUnusedProperties(ctx, r, ['UserPoolId', 'GroupName', 'Description', 'Precedence', 'RoleArn']);
}

function buildDomain(ctx: BuildContext, r: ResolvedResource): void {
  const pool = poolOf(ctx, r);
  if (!pool) return;
  if (isRecord(r.props.CustomDomainConfig))
    ctx.gap(
      `${r.path}.Properties.CustomDomainConfig`,
      'custom domains are not simulated: the hosted UI answers on the prefix domain',
    );
  pool.domainPrefix = r.ref;
  noteUnusedProperties(ctx, r, ['UserPoolId', 'Domain', 'CustomDomainConfig', 'ManagedLoginVersion']);
}

function buildIdentityProvider(ctx: BuildContext, r: ResolvedResource): void {
  const pool = poolOf(ctx, r);
  if (!pool) return;
  const type = asString(r.props.ProviderType);
  const details = isRecord(r.props.ProviderDetails) ? r.props.ProviderDetails : {};
  const mapping: Record<string, string> = isRecord(r.props.AttributeMapping)
    ? textMap(r.props.AttributeMapping, `${r.path}.Properties.AttributeMapping`)
    : {};
  if (!ctx.state.cognitoOAuth.identityProviders[pool.id])
    ctx.state.cognitoOAuth.identityProviders[pool.id] = Object.create(null);
  const providers = ctx.state.cognitoOAuth.identityProviders[pool.id] as NonNullable<
    (typeof ctx.state.cognitoOAuth.identityProviders)[string]
  >;
  if (type === 'Google') {
    providers[r.ref] = {
      providerName: r.ref,
      providerType: 'Google',
      google: {
        clientId: asString(details.client_id) ?? '',
        clientSecret: asString(details.client_secret) ?? '',
        authorizeScopes: asString(details.authorize_scopes) ?? 'openid email profile',
      },
      attributeMapping: mapping,
    };
  } else if (type === 'SAML' && asString(details.MetadataFile)) {
    const xml = asString(details.MetadataFile) ?? '';
    providers[r.ref] = {
      providerName: r.ref,
      providerType: 'SAML',
      saml: {
        entityId: /entityID="([^"]+)"/.exec(xml)?.[1] ?? '',
        ssoUrl: /SingleSignOnService[^>]*Location="([^"]+)"/.exec(xml)?.[1] ?? '',
        certificates: [...xml.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)].map((m) =>
          (m[1] as string).replace(/\s+/g, ''),
        ),
      },
      attributeMapping: mapping,
    };
  } else {
    ctx.gap(
      `${r.path}`,
      `identity provider ${r.ref} (${type ?? 'no type'}${type === 'SAML' ? ' from a metadata URL' : ''}): federation through it is not simulated`,
    );
  }
  ctx.origins.set(`idp:${pool.id}:${r.ref}`, r.path);
}

function buildUser(ctx: BuildContext, r: ResolvedResource): void {
  const pool = poolOf(ctx, r);
  if (!pool) return;
  const attributes: Record<string, string> = {};
  for (const a of Array.isArray(r.props.UserAttributes) ? r.props.UserAttributes : [])
    if (isRecord(a) && asString(a.Name)) attributes[asString(a.Name) as string] = asString(a.Value) ?? '';
  const sub = ids.identityPoolId('x', `sub:${r.logical}`).slice(2);
  const key = pool.caseSensitiveUsernames ? r.ref : r.ref.toLowerCase();
  // AdminCreateUser's user: no password of their own yet (a temporary one goes by email).
  pool.users[key] = {
    username: r.ref,
    sub,
    status: 'FORCE_CHANGE_PASSWORD',
    enabled: true,
    createdAt: ctx.now,
    lastModifiedAt: ctx.now,
    attributes: { sub, ...attributes },
    groups: [],
    attributeCodes: {},
    failedAttempts: 0,
  };
  ctx.gap(
    `${r.path}`,
    `user ${r.ref} is created without a password (CloudFormation sends a temporary one by email); sign in as a test user created in the view instead`,
  );
}

function buildMembership(ctx: BuildContext, r: ResolvedResource): void {
  const pool = poolOf(ctx, r);
  const name = asString(r.props.Username) ?? '';
  const user = pool?.users[pool.caseSensitiveUsernames ? name : name.toLowerCase()];
  const group = asString(r.props.GroupName) ?? '';
  if (user && pool?.groups[group]) user.groups.push(group);
  else ctx.gap(r.path, `membership of ${name} in ${group}: user or group not in this template`);
}

export function buildCognito(ctx: BuildContext): void {
  const of = (type: string) => ctx.resources.filter((r) => r.type === type);
  for (const r of of('AWS::Cognito::UserPool')) buildPool(ctx, r);
  for (const r of of('AWS::Cognito::UserPoolClient')) buildClient(ctx, r);
  for (const r of of('AWS::Cognito::UserPoolGroup')) buildGroup(ctx, r);
  for (const r of of('AWS::Cognito::UserPoolDomain')) buildDomain(ctx, r);
  for (const r of of('AWS::Cognito::UserPoolIdentityProvider')) buildIdentityProvider(ctx, r);
  for (const r of of('AWS::Cognito::UserPoolUser')) buildUser(ctx, r);
  for (const r of of('AWS::Cognito::UserPoolUserToGroupAttachment')) buildMembership(ctx, r);
  for (const r of of('AWS::Cognito::UserPoolResourceServer')) buildResourceServer(ctx, r);
}

/** A resource server's custom scopes, which clients allowed the client credentials grant receive. */
function buildResourceServer(ctx: BuildContext, r: ResolvedResource): void {
  const pool = poolOf(ctx, r);
  if (!pool) return;
  const identifier = asString(r.props.Identifier) ?? r.ref;
  const scopes = (Array.isArray(r.props.Scopes) ? r.props.Scopes : []).filter(isRecord).flatMap((s) => {
    const scopeName = asString(s.ScopeName);
    return scopeName ? [{ scopeName, scopeDescription: asString(s.ScopeDescription) ?? '' }] : [];
  });
  pool.resourceServers ??= Object.create(null);
  if (pool.resourceServers)
    pool.resourceServers[identifier] = {
      identifier,
      name: asString(r.props.Name) ?? identifier,
      scopes,
    };
  noteUnusedProperties(ctx, r, ['UserPoolId', 'Identifier', 'Name', 'Scopes']);
}
