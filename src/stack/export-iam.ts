import type { ExportContext } from './export-context';

/** IAM roles, users, customer managed policies, SAML and OIDC providers. Returns the builder that emits them once every reference is known. */
export function exportIam(ctx: ExportContext): () => void {
  const { iam } = ctx.state;
  const policyIds = new Map<string, string>();
  for (const p of Object.values(iam.policies)) {
    const id = ctx.id('Policy', p.policyName);
    policyIds.set(p.arn, id);
    ctx.refs.add(p.arn, { Ref: id });
  }
  const roleIds = new Map<string, string>();
  for (const r of Object.values(iam.roles)) {
    const id = ctx.id('Role', r.roleName);
    roleIds.set(r.roleName, id);
    ctx.refs.add(r.arn, { 'Fn::GetAtt': [id, 'Arn'] });
  }
  const providerIds = new Map<string, string>();
  for (const p of [...Object.values(iam.samlProviders), ...Object.values(iam.oidcProviders)]) {
    const id = ctx.id('Provider', 'name' in p ? p.name : p.url);
    providerIds.set(p.arn, id);
    ctx.refs.add(p.arn, { Ref: id });
  }
  const userIds = new Map(Object.values(iam.users).map((u) => [u.userName, ctx.id('User', u.userName)]));
  return () => {
    for (const p of Object.values(iam.policies))
      ctx.resources[policyIds.get(p.arn) as string] = {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          ManagedPolicyName: p.policyName,
          Path: p.path,
          ...(p.description ? { Description: p.description } : {}),
          PolicyDocument: p.document,
        },
      };
    for (const r of Object.values(iam.roles))
      ctx.resources[roleIds.get(r.roleName) as string] = {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: r.roleName,
          Path: r.path,
          ...(r.description ? { Description: r.description } : {}),
          AssumeRolePolicyDocument: r.trustPolicy,
          MaxSessionDuration: r.maxSessionDuration,
          ...(r.inlinePolicies.length
            ? { Policies: r.inlinePolicies.map((p) => ({ PolicyName: p.name, PolicyDocument: p.document })) }
            : {}),
          ...(r.attachedPolicyArns.length ? { ManagedPolicyArns: r.attachedPolicyArns } : {}),
          ...(r.permissionsBoundaryArn ? { PermissionsBoundary: r.permissionsBoundaryArn } : {}),
        },
      };
    for (const u of Object.values(iam.users))
      ctx.resources[userIds.get(u.userName) as string] = {
        Type: 'AWS::IAM::User',
        Properties: {
          UserName: u.userName,
          Path: u.path,
          ...(u.inlinePolicies.length
            ? { Policies: u.inlinePolicies.map((p) => ({ PolicyName: p.name, PolicyDocument: p.document })) }
            : {}),
          ...(u.attachedPolicyArns.length ? { ManagedPolicyArns: u.attachedPolicyArns } : {}),
          ...(u.permissionsBoundaryArn ? { PermissionsBoundary: u.permissionsBoundaryArn } : {}),
        },
      };
    for (const p of Object.values(iam.samlProviders))
      ctx.resources[providerIds.get(p.arn) as string] = {
        Type: 'AWS::IAM::SAMLProvider',
        Properties: {
          Name: p.name,
          SamlMetadataDocument: samlMetadata(
            `urn:identity-atlas:${p.name}`,
            'https://idp.example.com/sso',
            p.certificates,
          ),
        },
      };
    for (const p of Object.values(iam.oidcProviders))
      ctx.resources[providerIds.get(p.arn) as string] = {
        Type: 'AWS::IAM::OIDCProvider',
        Properties: { Url: `https://${p.url}`, ClientIdList: p.clientIds, ThumbprintList: p.thumbprints },
      };
  };
}

/** A minimal SAML 2.0 IdP metadata document carrying the signing certificates. */
export function samlMetadata(entityId: string, ssoUrl: string, certificates: string[]): string {
  const keys = certificates
    .map(
      (c) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${c}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('');
  return `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
}
