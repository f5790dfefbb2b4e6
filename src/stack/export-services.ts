import type { ExportContext } from './export-context';

/** Buckets and bucket policies, REST APIs (resources, methods, authorizers, a stage), SSM parameters, AppSync APIs. */
export function exportServices(ctx: ExportContext): () => void {
  const { s3, executeApi, ssm, appsync } = ctx.state;
  const bucketIds = new Map<string, string>();
  for (const b of Object.values(s3.buckets)) {
    const id = ctx.id('Bucket', b.name);
    bucketIds.set(b.name, id);
    ctx.refs.add(`arn:aws:s3:::${b.name}`, { 'Fn::GetAtt': [id, 'Arn'] });
    ctx.refs.add(b.name, { Ref: id });
  }
  const apiIds = new Map<string, string>();
  for (const api of Object.values(executeApi.apis)) {
    const id = ctx.id('Api', api.name);
    apiIds.set(api.id, id);
    ctx.refs.add(api.id, { Ref: id });
  }
  const graphIds = new Map<string, string>();
  for (const a of Object.values(appsync.apis)) {
    const id = ctx.id('GraphQLApi', a.name);
    graphIds.set(a.apiId, id);
    ctx.refs.add(a.apiId, { 'Fn::GetAtt': [id, 'ApiId'] });
  }
  return () => {
    for (const b of Object.values(s3.buckets)) {
      const id = bucketIds.get(b.name) as string;
      ctx.resources[id] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: b.name } };
      if (b.policy)
        ctx.resources[`${id}Policy`] = {
          Type: 'AWS::S3::BucketPolicy',
          Properties: { Bucket: b.name, PolicyDocument: b.policy },
        };
    }
    for (const api of Object.values(executeApi.apis)) exportApi(ctx, api, apiIds.get(api.id) as string);
    for (const p of Object.values(ssm.parameters))
      ctx.resources[ctx.id('Parameter', p.name)] = {
        Type: 'AWS::SSM::Parameter',
        Properties: { Name: p.name, Type: p.type === 'StringList' ? 'StringList' : 'String', Value: p.value },
      };
    for (const a of Object.values(appsync.apis))
      ctx.resources[graphIds.get(a.apiId) as string] = {
        Type: 'AWS::AppSync::GraphQLApi',
        Properties: {
          Name: a.name,
          AuthenticationType: a.defaultAuthMode,
          ...(a.additionalAuthModes.length
            ? {
                AdditionalAuthenticationProviders: a.additionalAuthModes.map((m) => ({
                  AuthenticationType: m,
                })),
              }
            : {}),
          ...(a.userPoolId
            ? { UserPoolConfig: { UserPoolId: a.userPoolId, AwsRegion: ctx.region, DefaultAction: 'ALLOW' } }
            : {}),
        },
      };
  };
}

function exportApi(
  ctx: ExportContext,
  api: ExportContext['state']['executeApi']['apis'][string],
  apiId: string,
): void {
  ctx.resources[apiId] = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: api.name } };
  const authorizerIds = new Map<string, string>();
  for (const a of Object.values(api.authorizers)) {
    const id = ctx.id('Authorizer', `${api.name}-${a.name}`);
    authorizerIds.set(a.id, id);
    ctx.resources[id] = {
      Type: 'AWS::ApiGateway::Authorizer',
      Properties: {
        RestApiId: api.id,
        Name: a.name,
        Type: 'COGNITO_USER_POOLS',
        ProviderARNs: a.providerArns,
        IdentitySource: `method.request.header.${a.header}`,
      },
    };
  }
  // One AWS::ApiGateway::Resource per path segment; the root is the API's RootResourceId.
  const resourceIds = new Map<string, unknown>([['/', { 'Fn::GetAtt': [apiId, 'RootResourceId'] }]]);
  const resourceFor = (path: string): unknown => {
    const known = resourceIds.get(path);
    if (known) return known;
    const cut = path.lastIndexOf('/');
    const parent = resourceFor(cut <= 0 ? '/' : path.slice(0, cut));
    const id = ctx.id('Resource', `${api.name}${path}`);
    ctx.resources[id] = {
      Type: 'AWS::ApiGateway::Resource',
      Properties: { RestApiId: api.id, ParentId: parent, PathPart: path.slice(cut + 1) },
    };
    resourceIds.set(path, { Ref: id });
    return { Ref: id };
  };
  const methods: string[] = [];
  for (const m of api.methods) {
    const id = ctx.id('Method', `${api.name}-${m.httpMethod}${m.resourcePath}`);
    methods.push(id);
    ctx.resources[id] = {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: api.id,
        ResourceId: resourceFor(m.resourcePath),
        HttpMethod: m.httpMethod,
        AuthorizationType: m.authorizationType,
        ...(m.authorizerId && authorizerIds.has(m.authorizerId)
          ? { AuthorizerId: { Ref: authorizerIds.get(m.authorizerId) } }
          : {}),
        ...(m.authorizationScopes ? { AuthorizationScopes: m.authorizationScopes } : {}),
        Integration: { Type: 'MOCK', RequestTemplates: { 'application/json': '{"statusCode": 200}' } },
      },
    };
  }
  const deployment = ctx.id('Deployment', api.name);
  ctx.resources[deployment] = {
    Type: 'AWS::ApiGateway::Deployment',
    DependsOn: methods,
    Properties: { RestApiId: api.id },
  };
  for (const stage of api.stages)
    ctx.resources[ctx.id('Stage', `${api.name}-${stage}`)] = {
      Type: 'AWS::ApiGateway::Stage',
      Properties: { RestApiId: api.id, DeploymentId: { Ref: deployment }, StageName: stage },
    };
}
