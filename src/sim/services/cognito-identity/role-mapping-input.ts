/**
 * SetIdentityPoolRoles input, checked as the service checks it before anything is stored. Shapes from
 * the service model (botocore cognito-identity 2014-06-30): Roles is map<RoleType, ARNString> with
 * RoleType `(un)?authenticated` and ARNString 20–2048 characters; RoleMappings is at most 10
 * IdentityProviderName (1–128) → RoleMapping {Type: Token|Rules (required), AmbiguousRoleResolution:
 * AuthenticatedRole|Deny, RulesConfiguration: {Rules: 1–25 MappingRule (required)}}; MappingRule
 * {Claim 1–64, MatchType Equals|Contains|StartsWith|NotEqual, Value 1–128, RoleARN ARNString}, all
 * required. Constraint messages use AWS's validation wording (`1 validation error detected: Value 'x'
 * at 'path' failed to satisfy constraint: …`); the member path form for map entries is ours.
 */
import { createDict } from '../../core/dict';
import { IdentityErrors } from './errors';
import { validate } from './lookup';
import type { IdentityPoolConfig, MappingRule, RoleMapping } from './state';

/**
 * A JSON value of the wrong kind is a SerializationException, in the JSON protocol's words
 * (`STRING_VALUE can not be converted to an Integer` is observed for Integer, Boolean, Long and
 * String members; the Map and String forms here follow that pattern).
 */
function wrongKind(value: unknown, target: 'Map' | 'String' | 'Structure'): never {
  if (Array.isArray(value)) throw IdentityErrors.serialization('Start of list found where not expected');
  if (value !== null && typeof value === 'object')
    throw IdentityErrors.serialization('Start of structure or map found where not expected.');
  const token =
    typeof value === 'string'
      ? 'STRING_VALUE'
      : typeof value === 'number'
        ? 'NUMBER_VALUE'
        : value === true
          ? 'TRUE_VALUE'
          : 'FALSE_VALUE';
  throw IdentityErrors.serialization(`${token} can not be converted to a ${target}`);
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function constraint(value: unknown, path: string, rule: string): never {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  const at = shown === 'null' ? `Value null at '${path}'` : `Value ${shown} at '${path}'`;
  return validate.fail(`1 validation error detected: ${at} failed to satisfy constraint: ${rule}`);
}

function string(value: unknown, path: string, min: number, max: number): string {
  if (value === undefined || value === null) constraint(value, path, 'Member must not be null');
  if (typeof value !== 'string') wrongKind(value, 'String');
  const text = value as string;
  if (text.length < min) constraint(text, path, `Member must have length greater than or equal to ${min}`);
  if (text.length > max) constraint(text, path, `Member must have length less than or equal to ${max}`);
  return text;
}

function oneOf<T extends string>(
  value: unknown,
  path: string,
  allowed: readonly T[],
  required: boolean,
): T | undefined {
  if (value === undefined || value === null) {
    if (required) constraint(value, path, 'Member must not be null');
    return undefined;
  }
  if (typeof value !== 'string') wrongKind(value, 'String');
  if (!allowed.includes(value as T))
    constraint(value, path, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  return value as T;
}

const ROLE_TYPES = ['authenticated', 'unauthenticated'] as const;

export function rolesInput(value: unknown): Record<string, string> {
  if (value === undefined || value === null) constraint(value, 'roles', 'Member must not be null');
  if (!isMap(value)) wrongKind(value, 'Map');
  const roles: Record<string, string> = createDict<string>();
  for (const [key, arn] of Object.entries(value as Record<string, unknown>)) {
    if (!(ROLE_TYPES as readonly string[]).includes(key))
      constraint(
        key,
        'roles',
        'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: (un)?authenticated]',
      );
    roles[key] = string(arn, `roles.${key}.member`, 20, 2048);
  }
  return roles;
}

function ruleInput(value: unknown, path: string): MappingRule {
  if (!isMap(value)) wrongKind(value, 'Structure');
  const rule = value as Record<string, unknown>;
  return {
    Claim: string(rule.Claim, `${path}.claim`, 1, 64),
    MatchType: oneOf(
      rule.MatchType,
      `${path}.matchType`,
      ['Equals', 'Contains', 'StartsWith', 'NotEqual'],
      true,
    ) as MappingRule['MatchType'],
    Value: string(rule.Value, `${path}.value`, 1, 128),
    RoleARN: string(rule.RoleARN, `${path}.roleARN`, 20, 2048),
  };
}

function mappingInput(value: unknown, path: string): RoleMapping {
  if (!isMap(value)) wrongKind(value, 'Structure');
  const input = value as Record<string, unknown>;
  const type = oneOf(input.Type, `${path}.type`, ['Token', 'Rules'], true) as RoleMapping['Type'];
  const ambiguous = oneOf(
    input.AmbiguousRoleResolution,
    `${path}.ambiguousRoleResolution`,
    ['AuthenticatedRole', 'Deny'],
    false,
  );
  const mapping: RoleMapping = { Type: type, ...(ambiguous ? { AmbiguousRoleResolution: ambiguous } : {}) };
  const config = input.RulesConfiguration;
  if (config !== undefined && config !== null) {
    if (!isMap(config)) wrongKind(config, 'Structure');
    const rules = (config as Record<string, unknown>).Rules;
    const rulesPath = `${path}.rulesConfiguration.rules`;
    if (rules === undefined || rules === null) constraint(rules, rulesPath, 'Member must not be null');
    if (!Array.isArray(rules)) wrongKind(rules, 'Structure');
    const list = rules as unknown[];
    if (list.length < 1) constraint('[]', rulesPath, 'Member must have length greater than or equal to 1');
    if (list.length > 25)
      constraint(`[${list.length} rules]`, rulesPath, 'Member must have length less than or equal to 25');
    mapping.RulesConfiguration = { Rules: list.map((r, i) => ruleInput(r, `${rulesPath}.${i + 1}.member`)) };
  }
  // Not a shape constraint but the service's own rule; its exact text is not quoted anywhere we found.
  if (type === 'Rules' && !mapping.RulesConfiguration)
    throw IdentityErrors.invalidParameter(
      'RulesConfiguration is required when the role mapping Type is Rules.',
    );
  return mapping;
}

/** The provider names a role mapping may be keyed by: the pool's configured logins. */
function configuredProviders(pool: IdentityPoolConfig): Set<string> {
  return new Set([
    ...Object.keys(pool.SupportedLoginProviders),
    ...pool.CognitoIdentityProviders.map((p) => `${p.ProviderName}:${p.ClientId}`),
    ...pool.OpenIdConnectProviderARNs.map((arn) =>
      arn.slice(arn.indexOf('oidc-provider/') + 'oidc-provider/'.length),
    ),
    ...pool.SamlProviderARNs,
  ]);
}

export function roleMappingsInput(value: unknown, pool: IdentityPoolConfig): Record<string, RoleMapping> {
  if (value === undefined || value === null) return createDict<RoleMapping>();
  if (!isMap(value)) wrongKind(value, 'Map');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 10)
    constraint(
      `{${entries.length} mappings}`,
      'roleMappings',
      'Member must have length less than or equal to 10',
    );
  const providers = configuredProviders(pool);
  const mappings: Record<string, RoleMapping> = createDict<RoleMapping>();
  for (const [provider, mapping] of entries) {
    if (provider.length < 1 || provider.length > 128)
      constraint(
        provider,
        'roleMappings',
        'Map keys must satisfy constraint: [Member must have length between 1 and 128]',
      );
    const checked = mappingInput(mapping, `roleMappings.${provider}.member`);
    // Observed: "<provider> is not a valid RoleMapping ProviderName or is not a configured provider." (aws/aws-cdk#22951).
    if (!providers.has(provider))
      throw IdentityErrors.invalidParameter(
        `${provider} is not a valid RoleMapping ProviderName or is not a configured provider.`,
      );
    Object.defineProperty(mappings, provider, {
      value: checked,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return mappings;
}
