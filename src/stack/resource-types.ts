import { hashChars, ids } from './physical-ids';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * What `Ref` and `Fn::GetAtt` return for each resource type, as each type's page of the
 * CloudFormation User Guide ("Return values") documents them. `name(p)` resolves the resource's
 * name property if the template sets one. RESOURCE_TYPES are the types the stack builds;
 * RETURN_VALUES_ONLY are common types it does not build but whose values policies name; any other
 * type's Ref and GetAtt are visible placeholders (`<Logical>`, `<Logical.Attr>`), never a made-up ARN.
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
  // "Ref returns the resource name" (User Guide, AWS::IAM::UserToGroupAddition).
  'AWS::IAM::UserToGroupAddition': { ref: (e) => ids.generatedName(e.stack, e.logical), atts: {} },
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

/** A name CloudFormation generates when the template gives none ("Name type"), here of `max` characters. */
const nameOr = (prop: string, max?: number) => (env: RefEnv) =>
  str(env.prop(prop)) ?? ids.generatedName(env.stack, env.logical, max);
const queueName = nameOr('QueueName', 80);
const topicName = nameOr('TopicName', 256);
const logGroupName = nameOr('LogGroupName', 512);
const functionName = nameOr('FunctionName', 64);
/** A KMS key id is a UUID (`1234abcd-12ab-34cd-56ef-1234567890ab`). */
const keyId = (env: RefEnv) => {
  const h = hashChars(`kms:${env.logical}`, 32, '0123456789abcdef');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/**
 * Types the stack does not build, with the Ref and GetAtt values of their "Return values" sections
 * (CloudFormation User Guide), so that a policy naming them names the real ARN.
 */
export const RETURN_VALUES_ONLY: Record<string, TypeInfo> = {
  // "Ref returns the queue URL", e.g. https://sqs.us-east-2.amazonaws.com/123456789012/ab1-MyQueue-A2BC;
  // Arn e.g. arn:aws:sqs:us-east-2:123456789012:mystack-myqueue-15PG5C2FC1CW8.
  'AWS::SQS::Queue': {
    ref: (e) => `https://sqs.${e.region}.amazonaws.com/${e.accountId}/${queueName(e)}`,
    atts: {
      Arn: (e) => `arn:aws:sqs:${e.region}:${e.accountId}:${queueName(e)}`,
      QueueName: (e) => queueName(e),
      QueueUrl: (_e, url) => url,
    },
  },
  // "Ref returns the topic ARN, for example: arn:aws:sns:us-east-1:123456789012:mystack-mytopic-NZJ5".
  // TopicArn and TopicName.
  'AWS::SNS::Topic': {
    ref: (e) => `arn:aws:sns:${e.region}:${e.accountId}:${topicName(e)}`,
    atts: { TopicArn: (_e, arn) => arn, TopicName: (e) => topicName(e) },
  },
  // Ref returns the name; Arn e.g. arn:aws:logs:us-east-1:123456789012:log-group:/mystack-testgroup-12AB:*
  'AWS::Logs::LogGroup': {
    ref: logGroupName,
    atts: { Arn: (e, name) => `arn:aws:logs:${e.region}:${e.accountId}:log-group:${name}:*` },
  },
  // Ref returns the name; Arn is the function ARN, arn:aws:lambda:us-west-2:123456789012:function:my-function
  // (Lambda API Reference, FunctionName).
  'AWS::Lambda::Function': {
    ref: functionName,
    atts: { Arn: (e, name) => `arn:aws:lambda:${e.region}:${e.accountId}:function:${name}` },
  },
  // Ref returns the key ID (a UUID); Arn e.g. arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-…;
  // the KeyId attribute is the id again.
  'AWS::KMS::Key': {
    ref: keyId,
    atts: { Arn: (e, id) => `arn:aws:kms:${e.region}:${e.accountId}:key/${id}`, KeyId: (_e, id) => id },
  },
  // "Ref returns the alias name, such as alias/exampleAlias"; no attribute is documented.
  'AWS::KMS::Alias': { ref: named('AliasName'), atts: {} },
  // "Ref … returns the ARN of the secret", e.g.
  // arn:aws:secretsmanager:us-west-2:123456789012:secret:my-path/my-secret-name-1a2b3c: the name, a hyphen
  // and six random characters. No attribute is documented beside it.
  'AWS::SecretsManager::Secret': {
    ref: (e) =>
      `arn:aws:secretsmanager:${e.region}:${e.accountId}:secret:${nameOr('Name')(e)}-${hashChars(`secret:${e.logical}`, 6, ALNUM)}`,
    atts: {},
  },
};

/** Types that carry no access or identity meaning: skipped with a note rather than a warning. */
export const METADATA_TYPES: ReadonlySet<string> = new Set([
  'AWS::CDK::Metadata',
  'AWS::CloudFormation::WaitConditionHandle',
]);

/** What Ref and GetAtt of a type return: the documented values, or undefined when we do not know them. */
export function returnValues(type: string): TypeInfo | undefined {
  if (Object.hasOwn(RESOURCE_TYPES, type)) return RESOURCE_TYPES[type];
  return Object.hasOwn(RETURN_VALUES_ONLY, type) ? RETURN_VALUES_ONLY[type] : undefined;
}

/**
 * Ref and GetAtt of a type whose return values we do not know: a visible placeholder named like the
 * Fn::Sub reference (`<Queue>`, `<Queue.Arn>`), which matches no real resource in a policy.
 */
export const opaqueRef = (logical: string): string => `<${logical}>`;
export const opaqueAtt = (logical: string, attr: string): string => `<${logical}.${attr}>`;
