import type { ApiMethod, IdentityPoolConfig, MappingRule, RestApi, RoleMapping } from '../sim/index';
import {
  asBool,
  asString,
  asStrings,
  type BuildContext,
  noteUnusedProperties,
  POLICY_LIMITS,
  policyDocument,
  type ResolvedResource,
  textMap,
} from './build-context';
import { isRecord } from './parse';
import { hashChars } from './physical-ids';

/**
 * Identity pools (with role attachments and role mappings), S3 buckets and bucket policies, API
 * Gateway REST APIs (methods, authorizers, stages), AppSync APIs, SSM parameters. Defaults are the
 * API's: AllowClassicFlow false, ServerSideTokenCheck false (Cognito Identity API Reference).
 */
function buildIdentityPool(ctx: BuildContext, r: ResolvedResource): void {
  const p = r.props;
  const logins: Record<string, string> = isRecord(p.SupportedLoginProviders)
    ? textMap(p.SupportedLoginProviders, `${r.path}.Properties.SupportedLoginProviders`)
    : Object.create(null);
  const pool: IdentityPoolConfig = {
    IdentityPoolId: r.ref,
    IdentityPoolName: asString(p.IdentityPoolName) ?? r.logical,
    AllowUnauthenticatedIdentities: asBool(p.AllowUnauthenticatedIdentities, false),
    AllowClassicFlow: asBool(p.AllowClassicFlow, false),
    SupportedLoginProviders: logins,
    ...(asString(p.DeveloperProviderName)
      ? { DeveloperProviderName: asString(p.DeveloperProviderName) }
      : {}),
    OpenIdConnectProviderARNs: asStrings(p.OpenIdConnectProviderARNs),
    CognitoIdentityProviders: (Array.isArray(p.CognitoIdentityProviders) ? p.CognitoIdentityProviders : [])
      .filter(isRecord)
      .map((c) => ({
        ProviderName: asString(c.ProviderName) ?? '',
        ClientId: asString(c.ClientId) ?? '',
        ServerSideTokenCheck: asBool(c.ServerSideTokenCheck, false),
      })),
    SamlProviderARNs: asStrings(p.SamlProviderARNs),
    IdentityPoolTags: Object.create(null),
    Roles: Object.create(null),
    RoleMappings: Object.create(null),
  };
  ctx.state.cognitoIdentity.pools[pool.IdentityPoolId] = pool;
  ctx.origins.set(`identity-pool:${pool.IdentityPoolId}`, r.path);
  noteUnusedProperties(ctx, r, [
    'IdentityPoolName',
    'AllowUnauthenticatedIdentities',
    'AllowClassicFlow',
    'SupportedLoginProviders',
    'DeveloperProviderName',
    'OpenIdConnectProviderARNs',
    'CognitoIdentityProviders',
    'SamlProviderARNs',
    'IdentityPoolTags',
  ]);
}

function roleMapping(value: Record<string, unknown>): RoleMapping {
  const type = asString(value.Type) === 'Rules' ? 'Rules' : 'Token';
  const ambiguous = asString(value.AmbiguousRoleResolution);
  const rules =
    isRecord(value.RulesConfiguration) && Array.isArray(value.RulesConfiguration.Rules)
      ? value.RulesConfiguration.Rules
      : [];
  return {
    Type: type,
    ...(ambiguous === 'Deny' || ambiguous === 'AuthenticatedRole'
      ? { AmbiguousRoleResolution: ambiguous }
      : {}),
    ...(type === 'Rules'
      ? {
          RulesConfiguration: {
            Rules: rules.filter(isRecord).map(
              (rule): MappingRule => ({
                Claim: asString(rule.Claim) ?? '',
                MatchType: (asString(rule.MatchType) ?? 'Equals') as MappingRule['MatchType'],
                Value: asString(rule.Value) ?? '',
                RoleARN: asString(rule.RoleARN) ?? '',
              }),
            ),
          },
        }
      : {}),
  };
}

function buildRoleAttachment(ctx: BuildContext, r: ResolvedResource): void {
  const id = asString(r.props.IdentityPoolId) ?? '';
  const pool = ctx.state.cognitoIdentity.pools[id];
  if (!pool) {
    ctx.gap(`${r.path}.Properties.IdentityPoolId`, `identity pool ${id} is not in this template`);
    return;
  }
  if (isRecord(r.props.Roles))
    Object.assign(pool.Roles, textMap(r.props.Roles, `${r.path}.Properties.Roles`));
  if (r.props.RoleMappings !== undefined && !isRecord(r.props.RoleMappings))
    ctx.gap(
      `${r.path}.Properties.RoleMappings`,
      `RoleMappings is not a literal map here (it comes from ${String(r.props.RoleMappings)}): no role mapping is simulated, so signed-in users get the authenticated role`,
    );
  if (isRecord(r.props.RoleMappings))
    for (const [key, value] of Object.entries(r.props.RoleMappings)) {
      if (!isRecord(value)) continue;
      // CloudFormation keys the map freely; IdentityProvider names the provider (the API's map key).
      const provider = asString(value.IdentityProvider) ?? key;
      pool.RoleMappings[provider] = roleMapping(value);
      ctx.origins.set(`mapping:${id}:${provider}`, `${r.path}.Properties.RoleMappings.${key}`);
    }
  ctx.origins.set(`attachment:${id}`, r.path);
  noteUnusedProperties(ctx, r, ['IdentityPoolId', 'Roles', 'RoleMappings']);
}

function buildBucket(ctx: BuildContext, r: ResolvedResource): void {
  ctx.state.s3.buckets[r.ref] = {
    name: r.ref,
    region: ctx.region,
    ownerAccountId: ctx.accountId,
    creationDate: ctx.now,
    objects: Object.create(null),
  };
  ctx.origins.set(`bucket:${r.ref}`, r.path);
  noteUnusedProperties(ctx, r, ['BucketName', 'Tags']);
}

function buildBucketPolicy(ctx: BuildContext, r: ResolvedResource): void {
  const name = asString(r.props.Bucket) ?? '';
  const bucket = ctx.state.s3.buckets[name];
  if (!bucket) {
    ctx.gap(
      `${r.path}.Properties.Bucket`,
      `bucket ${name} is not in this template: its policy is not simulated`,
    );
    return;
  }
  bucket.policy = policyDocument(
    r.props.PolicyDocument,
    `${r.path}.Properties.PolicyDocument`,
    POLICY_LIMITS.bucket,
    undefined,
    // Amazon S3's limit, not IAM's: "Bucket policies are limited to 20 KB in size" (S3 User Guide).
    `Amazon S3 allows a bucket policy of at most ${POLICY_LIMITS.bucket} (20 KB)`,
  ) as never;
  ctx.origins.set(`bucket-policy:${name}`, r.path);
}

/** The path of an API Gateway resource id: `/` for the root, else its parents' PathParts joined. */
function resourcePath(ctx: BuildContext, api: ResolvedResource, resourceId: string, depth = 0): string {
  if (depth > 50) return '/';
  const res = ctx.resources.find((x) => x.type === 'AWS::ApiGateway::Resource' && x.ref === resourceId);
  if (!res) return '/';
  const parent = resourcePath(ctx, api, asString(res.props.ParentId) ?? '', depth + 1);
  return `${parent === '/' ? '' : parent}/${asString(res.props.PathPart) ?? ''}`;
}

function buildRestApi(ctx: BuildContext, r: ResolvedResource): void {
  const api: RestApi = {
    id: r.ref,
    name: asString(r.props.Name) ?? r.logical,
    stages: [],
    authorizers: Object.create(null),
    methods: [],
  };
  if (r.props.Body !== undefined || r.props.BodyS3Location !== undefined)
    ctx.gap(
      `${r.path}.Properties.Body`,
      'an OpenAPI body is not read: only AWS::ApiGateway::Method resources define methods here',
    );
  const mine = (x: ResolvedResource) => asString(x.props.RestApiId) === r.ref;
  for (const a of ctx.resources.filter((x) => x.type === 'AWS::ApiGateway::Authorizer' && mine(x))) {
    if (asString(a.props.Type) !== 'COGNITO_USER_POOLS') {
      ctx.gap(a.path, `authorizer type ${asString(a.props.Type)} (a Lambda authorizer) is not simulated`);
      continue;
    }
    const source = asString(a.props.IdentitySource) ?? 'method.request.header.Authorization';
    api.authorizers[a.ref] = {
      id: a.ref,
      name: asString(a.props.Name) ?? a.logical,
      type: 'COGNITO_USER_POOLS',
      providerArns: asStrings(a.props.ProviderARNs),
      header: source.replace(/^method\.request\.header\./, ''),
    };
  }
  for (const m of ctx.resources.filter((x) => x.type === 'AWS::ApiGateway::Method' && mine(x))) {
    const type = asString(m.props.AuthorizationType) ?? 'NONE';
    const method: ApiMethod = {
      httpMethod: asString(m.props.HttpMethod) ?? 'GET',
      resourcePath: resourcePath(ctx, r, asString(m.props.ResourceId) ?? ''),
      authorizationType: type === 'AWS_IAM' || type === 'COGNITO_USER_POOLS' ? type : 'NONE',
    };
    if (type === 'CUSTOM')
      ctx.gap(
        `${m.path}.Properties.AuthorizationType`,
        'a CUSTOM (Lambda) authorizer is not simulated: the method is treated as open',
      );
    if (asString(m.props.AuthorizerId)) method.authorizerId = asString(m.props.AuthorizerId);
    if (m.props.AuthorizationScopes !== undefined)
      method.authorizationScopes = asStrings(m.props.AuthorizationScopes);
    api.methods.push(method);
    ctx.origins.set(`method:${api.id}:${method.httpMethod} ${method.resourcePath}`, m.path);
    if (isRecord(m.props.Integration))
      ctx.gap(
        `${m.path}.Properties.Integration`,
        'the integration is not simulated: every method echoes its request context',
      );
  }
  for (const s of ctx.resources.filter(
    (x) => (x.type === 'AWS::ApiGateway::Stage' || x.type === 'AWS::ApiGateway::Deployment') && mine(x),
  )) {
    const stage = asString(s.props.StageName);
    if (stage && !api.stages.includes(stage)) api.stages.push(stage);
  }
  if (api.stages.length === 0) api.stages.push('prod');
  ctx.state.executeApi.apis[api.id] = api;
  ctx.origins.set(`api:${api.id}`, r.path);
}

function buildAppSync(ctx: BuildContext, r: ResolvedResource): void {
  const modes = ['AMAZON_COGNITO_USER_POOLS', 'AWS_IAM', 'API_KEY'];
  const main = asString(r.props.AuthenticationType) ?? 'API_KEY';
  const extra = (
    Array.isArray(r.props.AdditionalAuthenticationProviders) ? r.props.AdditionalAuthenticationProviders : []
  )
    .filter(isRecord)
    .map((a) => asString(a.AuthenticationType) ?? '');
  for (const m of [main, ...extra])
    if (!modes.includes(m))
      ctx.gap(`${r.path}.Properties.AuthenticationType`, `AppSync auth mode ${m} is not simulated`);
  const userPoolId = isRecord(r.props.UserPoolConfig)
    ? (asString(r.props.UserPoolConfig.UserPoolId) ?? '')
    : '';
  const apiId = r.ref.split('/').pop() as string;
  ctx.state.appsync.apis[apiId] = {
    apiId,
    name: asString(r.props.Name) ?? r.logical,
    defaultAuthMode: (modes.includes(main) ? main : 'API_KEY') as never,
    additionalAuthModes: extra.filter((m) => modes.includes(m)) as never,
    userPoolId,
    apiKeys: [
      {
        id: `da2-${hashChars(`apikey:${r.logical}`, 26, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
        expires: Math.floor(ctx.now / 1000) + 7 * 86_400,
      },
    ],
    conflictHandler: 'AUTOMERGE',
    deltaSyncTableTtlMinutes: 30,
    baseTableTtlMinutes: 43_200,
    items: Object.create(null),
    delta: [],
  };
  ctx.gap(
    r.path,
    'the GraphQL schema and resolvers are not read: the simulated API serves the shared-list schema',
  );
}

export function buildServices(ctx: BuildContext): void {
  const of = (type: string) => ctx.resources.filter((r) => r.type === type);
  for (const r of of('AWS::Cognito::IdentityPool')) buildIdentityPool(ctx, r);
  for (const r of of('AWS::Cognito::IdentityPoolRoleAttachment')) buildRoleAttachment(ctx, r);
  for (const r of of('AWS::Cognito::IdentityPoolPrincipalTag'))
    ctx.gap(
      r.path,
      'principal tags (attributes for access control) are not passed to the role session by the simulation',
    );
  for (const r of of('AWS::S3::Bucket')) buildBucket(ctx, r);
  for (const r of of('AWS::S3::BucketPolicy')) buildBucketPolicy(ctx, r);
  for (const r of of('AWS::ApiGateway::RestApi')) buildRestApi(ctx, r);
  for (const r of of('AWS::AppSync::GraphQLApi')) buildAppSync(ctx, r);
  for (const r of of('AWS::SSM::Parameter')) {
    const type = asString(r.props.Type);
    ctx.state.ssm.parameters[r.ref] = {
      name: r.ref,
      type: type === 'StringList' ? 'StringList' : 'String',
      value: asString(r.props.Value) ?? '',
      version: 1,
      lastModifiedDate: ctx.now,
      dataType: 'text',
    };
  }
  for (const r of of('AWS::DynamoDB::Table'))
    ctx.gap(
      r.path,
      `DynamoDB table ${r.ref}: only its ARN is used (policies name it); the table is not simulated`,
    );
}
