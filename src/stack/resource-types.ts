import { ids } from './physical-ids';

/**
 * What `Ref` and `Fn::GetAtt` return for each resource type, as each type's page of the
 * CloudFormation User Guide ("Return values") documents them. `name(p)` resolves the resource's
 * name property if the template sets one. Types not listed here resolve to a generated id (and are
 * listed as not simulated unless `SIMULATED_TYPES` has them).
 */
export interface RefEnv {
  region: string;
  accountId: string;
  stack: string;
  logical: string;
  /** The resolved value of a property, or undefined. */
  prop(name: string): unknown;
}

type Attr = (env: RefEnv, ref: string) => unknown;
interface TypeInfo {
  ref(env: RefEnv): string;
  atts: Record<string, Attr>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const named = (prop: string) => (env: RefEnv) =>
  str(env.prop(prop)) ?? ids.generatedName(env.stack, env.logical);
const iamArn = (kind: string) => (env: RefEnv, ref: string) => {
  const path = str(env.prop('Path')) ?? '/';
  return `arn:aws:iam::${env.accountId}:${kind}${path}${ref}`;
};
const poolArn = (env: RefEnv, id: string) =>
  `arn:aws:cognito-idp:${env.region}:${env.accountId}:userpool/${id}`;

export const RESOURCE_TYPES: Record<string, TypeInfo> = {
  'AWS::Cognito::UserPool': {
    ref: (e) => ids.userPoolId(e.region, e.logical),
    atts: {
      Arn: (e, id) => poolArn(e, id),
      ProviderName: (e, id) => `cognito-idp.${e.region}.amazonaws.com/${id}`,
      ProviderURL: (e, id) => `https://cognito-idp.${e.region}.amazonaws.com/${id}`,
      UserPoolId: (_e, id) => id,
    },
  },
  'AWS::Cognito::UserPoolClient': {
    ref: (e) => ids.clientId(e.logical),
    atts: {
      ClientId: (_e, id) => id,
      ClientSecret: (e) => ids.clientSecret(e.logical),
      Name: (e) => str(e.prop('ClientName')) ?? e.logical,
    },
  },
  'AWS::Cognito::UserPoolGroup': {
    ref: (e) => str(e.prop('GroupName')) ?? ids.generatedName(e.stack, e.logical),
    atts: {},
  },
  'AWS::Cognito::UserPoolDomain': {
    ref: (e) => str(e.prop('Domain')) ?? e.logical.toLowerCase(),
    atts: { CloudFrontDistribution: (e) => `d${ids.short('cf', e.logical, 13)}.cloudfront.net` },
  },
  'AWS::Cognito::UserPoolIdentityProvider': {
    ref: (e) => str(e.prop('ProviderName')) ?? e.logical,
    atts: {},
  },
  'AWS::Cognito::UserPoolUser': {
    ref: (e) => str(e.prop('Username')) ?? ids.short('user', e.logical, 8),
    atts: {},
  },
  'AWS::Cognito::UserPoolUserToGroupAttachment': { ref: (e) => ids.short('attach', e.logical), atts: {} },
  'AWS::Cognito::UserPoolResourceServer': { ref: (e) => str(e.prop('Identifier')) ?? e.logical, atts: {} },
  'AWS::Cognito::IdentityPool': {
    ref: (e) => ids.identityPoolId(e.region, e.logical),
    atts: { Id: (_e, id) => id, Name: (e) => str(e.prop('IdentityPoolName')) ?? e.logical },
  },
  'AWS::Cognito::IdentityPoolRoleAttachment': {
    ref: (e) => ids.identityPoolId(e.region, `attach:${e.logical}`),
    atts: {},
  },
  'AWS::Cognito::IdentityPoolPrincipalTag': { ref: (e) => ids.short('ptag', e.logical), atts: {} },
  'AWS::IAM::Role': {
    ref: named('RoleName'),
    atts: { Arn: iamArn('role'), RoleId: (e) => ids.uniqueId('AROA', e.logical) },
  },
  'AWS::IAM::User': { ref: named('UserName'), atts: { Arn: iamArn('user') } },
  'AWS::IAM::Group': { ref: named('GroupName'), atts: { Arn: iamArn('group') } },
  'AWS::IAM::Policy': {
    ref: (e) => ids.generatedName(e.stack, e.logical),
    atts: { Id: (e) => ids.generatedName(e.stack, e.logical) },
  },
  'AWS::IAM::RolePolicy': { ref: (e) => ids.generatedName(e.stack, e.logical), atts: {} },
  'AWS::IAM::UserPolicy': { ref: (e) => ids.generatedName(e.stack, e.logical), atts: {} },
  'AWS::IAM::GroupPolicy': { ref: (e) => ids.generatedName(e.stack, e.logical), atts: {} },
  'AWS::IAM::ManagedPolicy': {
    ref: (e) =>
      iamArn('policy')(e, str(e.prop('ManagedPolicyName')) ?? ids.generatedName(e.stack, e.logical, 128)),
    atts: { PolicyArn: (_e, ref) => ref, PolicyId: (e) => ids.uniqueId('ANPA', e.logical) },
  },
  'AWS::IAM::SAMLProvider': {
    ref: (e) =>
      `arn:aws:iam::${e.accountId}:saml-provider/${str(e.prop('Name')) ?? ids.generatedName(e.stack, e.logical, 128)}`,
    atts: { Arn: (_e, ref) => ref },
  },
  'AWS::IAM::OIDCProvider': {
    ref: (e) =>
      `arn:aws:iam::${e.accountId}:oidc-provider/${(str(e.prop('Url')) ?? e.logical).replace(/^https:\/\//, '')}`,
    atts: { Arn: (_e, ref) => ref },
  },
  'AWS::S3::Bucket': {
    ref: (e) => str(e.prop('BucketName')) ?? ids.bucketName(e.stack, e.logical),
    atts: {
      Arn: (_e, b) => `arn:aws:s3:::${b}`,
      DomainName: (_e, b) => `${b}.s3.amazonaws.com`,
      RegionalDomainName: (e, b) => `${b}.s3.${e.region}.amazonaws.com`,
      DualStackDomainName: (e, b) => `${b}.s3.dualstack.${e.region}.amazonaws.com`,
      WebsiteURL: (e, b) => `http://${b}.s3-website-${e.region}.amazonaws.com`,
    },
  },
  'AWS::S3::BucketPolicy': { ref: (e) => ids.generatedName(e.stack, e.logical), atts: {} },
  'AWS::ApiGateway::RestApi': {
    ref: (e) => ids.short('api', e.logical),
    atts: { RestApiId: (_e, id) => id, RootResourceId: (e) => ids.short('root', e.logical) },
  },
  'AWS::ApiGateway::Resource': {
    ref: (e) => ids.short('res', e.logical, 6),
    atts: { ResourceId: (e) => ids.short('res', e.logical, 6) },
  },
  'AWS::ApiGateway::Method': { ref: (e) => ids.short('method', e.logical), atts: {} },
  'AWS::ApiGateway::Authorizer': {
    ref: (e) => ids.short('auth', e.logical, 6),
    atts: { AuthorizerId: (e) => ids.short('auth', e.logical, 6) },
  },
  'AWS::ApiGateway::Deployment': {
    ref: (e) => ids.short('dep', e.logical, 6),
    atts: { DeploymentId: (e) => ids.short('dep', e.logical, 6) },
  },
  'AWS::ApiGateway::Stage': { ref: (e) => str(e.prop('StageName')) ?? e.logical.toLowerCase(), atts: {} },
  'AWS::AppSync::GraphQLApi': {
    ref: (e) => `arn:aws:appsync:${e.region}:${e.accountId}:apis/${ids.short('appsync', e.logical, 26)}`,
    atts: {
      ApiId: (e) => ids.short('appsync', e.logical, 26),
      Arn: (_e, ref) => ref,
      GraphQLUrl: (e) =>
        `https://${ids.short('appsync', e.logical, 26)}.appsync-api.${e.region}.amazonaws.com/graphql`,
      RealtimeUrl: (e) =>
        `wss://${ids.short('appsync', e.logical, 26)}.appsync-realtime-api.${e.region}.amazonaws.com/graphql`,
    },
  },
  'AWS::SSM::Parameter': {
    ref: named('Name'),
    atts: { Type: (e) => e.prop('Type'), Value: (e) => e.prop('Value') },
  },
  'AWS::DynamoDB::Table': {
    ref: named('TableName'),
    atts: {
      Arn: (e, t) => `arn:aws:dynamodb:${e.region}:${e.accountId}:table/${t}`,
      StreamArn: (e, t) =>
        `arn:aws:dynamodb:${e.region}:${e.accountId}:table/${t}/stream/1970-01-01T00:00:00.000`,
    },
  },
};

/** Types whose resources the simulation builds (others are listed as not simulated). */
export const SIMULATED_TYPES: ReadonlySet<string> = new Set(Object.keys(RESOURCE_TYPES));

/** Types that carry no access or identity meaning: skipped with a note rather than a warning. */
export const METADATA_TYPES: ReadonlySet<string> = new Set([
  'AWS::CDK::Metadata',
  'AWS::CloudFormation::WaitConditionHandle',
]);

/** Ref and GetAtt of a type we do not simulate: a generated name and a made-up ARN of the right service. */
export function genericRef(env: RefEnv, type: string): string {
  const named = ['Name', 'FunctionName', 'TopicName', 'QueueName', 'LogGroupName', 'StreamName'];
  for (const p of named) {
    const v = str(env.prop(p));
    if (v) return v;
  }
  void type;
  return ids.generatedName(env.stack, env.logical);
}

export function genericAtt(env: RefEnv, type: string, attr: string, ref: string): string {
  const service = (type.split('::')[1] ?? 'unknown').toLowerCase();
  if (attr === 'Arn')
    return `arn:aws:${service}:${env.region}:${env.accountId}:${env.logical.toLowerCase()}/${ref}`;
  return `${ref}.${attr}`;
}
