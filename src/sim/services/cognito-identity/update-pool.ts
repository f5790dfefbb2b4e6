/**
 * UpdateIdentityPool (signed, IAM-authorised on the pool ARN). The API reference's warning is the
 * lesson here: "If you don't provide a value for a parameter, Amazon Cognito sets it to its default
 * value" — the call replaces the whole configuration, it is not a patch. Roles and RoleMappings are
 * not part of it (SetIdentityPoolRoles owns them) and stay as they were.
 * Member constraints are the service model's (cognito-identity-2014-06-30).
 */
import { createDict, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { IdentityErrors } from './errors';
import { poolIdInput, requirePool, validate } from './lookup';
import { authorizeDeveloperCall } from './signed';
import type { CognitoIdentityProviderConfig, IdentityPoolConfig } from './state';

const NAME_RULE = { min: 1, max: 128, pattern: /^[\w\s+=,.@-]+$/, patternText: '[\\w\\s+=,.@-]+' };
const DEVELOPER_PROVIDER_RULE = { min: 1, max: 128, pattern: /^[\w._-]+$/, patternText: '[\\w._-]+' };
const PROVIDER_NAME_RULE = { min: 1, max: 128, pattern: /^[\w._:/-]+$/, patternText: '[\\w._:/-]+' };
const CLIENT_ID_RULE = { min: 1, max: 128, pattern: /^[\w_]+$/, patternText: '[\\w_]+' };
const LOGIN_PROVIDER_KEY_RULE = { min: 1, max: 128 };
const LOGIN_PROVIDER_VALUE_RULE = { min: 1, max: 128, pattern: /^[\w.;_/-]+$/, patternText: '[\\w.;_/-]+' };
const ARN_RULE = { min: 20, max: 2048 };

const nullMessage = (path: string) =>
  `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`;

function requiredBoolean(input: JsonInput, field: string, path: string): boolean {
  const value = input[field];
  if (value === undefined || value === null) validate.fail(nullMessage(path));
  if (typeof value !== 'boolean') validate.fail(`Invalid type for parameter ${field}: expected a boolean`);
  return value as boolean;
}

function optionalBoolean(input: JsonInput, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') validate.fail(`Invalid type for parameter ${field}: expected a boolean`);
  return value as boolean;
}

function stringList(input: JsonInput, field: string, path: string): string[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) validate.fail(`Invalid type for parameter ${field}: expected a list`);
  return (value as unknown[]).map((item, i) =>
    validate.string({ v: item }, 'v', ARN_RULE, `${path}.${i + 1}.member`),
  );
}

function supportedLoginProviders(input: JsonInput): Record<string, string> {
  const map = validate.optionalStringMap(input, 'SupportedLoginProviders') ?? createDict<string>();
  if (Object.keys(map).length > 10) {
    validate.fail(
      "1 validation error detected: Value at 'supportedLoginProviders' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  }
  for (const [key, value] of Object.entries(map)) {
    validate.string({ k: key }, 'k', LOGIN_PROVIDER_KEY_RULE, 'supportedLoginProviders.key');
    validate.string({ v: value }, 'v', LOGIN_PROVIDER_VALUE_RULE, 'supportedLoginProviders.value');
  }
  return map;
}

function cognitoProviders(input: JsonInput): CognitoIdentityProviderConfig[] {
  const value = input.CognitoIdentityProviders;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    validate.fail('Invalid type for parameter CognitoIdentityProviders: expected a list');
  return (value as unknown[]).map((item, i) => {
    const entry = (item ?? {}) as JsonInput;
    const at = `cognitoIdentityProviders.${i + 1}.member`;
    return {
      ProviderName: validate.string(entry, 'ProviderName', PROVIDER_NAME_RULE, `${at}.providerName`),
      ClientId: validate.string(entry, 'ClientId', CLIENT_ID_RULE, `${at}.clientId`),
      // The model's default for ServerSideTokenCheck is false.
      ServerSideTokenCheck: optionalBoolean(entry, 'ServerSideTokenCheck') ?? false,
    };
  });
}

export async function UpdateIdentityPool(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  const name = validate.string(input, 'IdentityPoolName', NAME_RULE);
  const allowGuests = requiredBoolean(
    input,
    'AllowUnauthenticatedIdentities',
    'allowUnauthenticatedIdentities',
  );
  const allowClassic = optionalBoolean(input, 'AllowClassicFlow') ?? false;
  const logins = supportedLoginProviders(input);
  const developer = validate.optionalString(input, 'DeveloperProviderName', DEVELOPER_PROVIDER_RULE);
  const cognito = cognitoProviders(input);
  const oidc = stringList(input, 'OpenIdConnectProviderARNs', 'openIdConnectProviderARNs');
  const saml = stringList(input, 'SamlProviderARNs', 'samlProviderARNs');
  const tags = validate.optionalStringMap(input, 'IdentityPoolTags') ?? createDict<string>();
  await authorizeDeveloperCall(ctx, 'UpdateIdentityPool', poolId);
  const pool = requirePool(ctx.world, poolId);
  // The developer provider name is fixed once set (Developer Guide, "Developer-authenticated
  // identities": "Once you set the developer provider name, you cannot change it"). AWS's exact
  // error text for the attempt is unverified; the code is the model's InvalidParameterException.
  if (pool.DeveloperProviderName && developer !== undefined && developer !== pool.DeveloperProviderName) {
    throw IdentityErrors.invalidParameter('Developer provider name cannot be changed once set.');
  }
  const next: IdentityPoolConfig = {
    ...pool,
    IdentityPoolName: name,
    AllowUnauthenticatedIdentities: allowGuests,
    AllowClassicFlow: allowClassic,
    SupportedLoginProviders: logins,
    OpenIdConnectProviderARNs: oidc,
    CognitoIdentityProviders: cognito,
    SamlProviderARNs: saml,
    IdentityPoolTags: tags,
  };
  if (developer !== undefined) next.DeveloperProviderName = developer;
  else if (!pool.DeveloperProviderName) delete next.DeveloperProviderName;
  setOwn(ctx.world.state.cognitoIdentity.pools, poolId, next);
  ctx.emit('state', `Identity pool ${poolId} updated: guests ${allowGuests ? 'allowed' : 'not allowed'}`, {
    before: withoutRoles(pool),
    after: withoutRoles(next),
  });
  return withoutRoles(next);
}

/** The IdentityPool shape, as DescribeIdentityPool and UpdateIdentityPool return it. */
function withoutRoles(pool: IdentityPoolConfig) {
  const { Roles: _roles, RoleMappings: _mappings, ...rest } = pool;
  return rest;
}
