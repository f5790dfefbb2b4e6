import type { ExportContext } from './export-context';
import { samlMetadata } from './export-iam';

/** User pools (policies, schema), app clients, groups, domains, Google and SAML providers; identity pools and their role attachments. */
export function exportCognito(ctx: ExportContext): () => void {
  const { cognitoIdp, cognitoIdentity, cognitoOAuth } = ctx.state;
  const poolIds = new Map<string, string>();
  const clientIds = new Map<string, string>();
  for (const pool of Object.values(cognitoIdp.pools)) {
    const id = ctx.id('UserPool', pool.name);
    poolIds.set(pool.id, id);
    ctx.refs.add(pool.arn, { 'Fn::GetAtt': [id, 'Arn'] });
    ctx.refs.add(`cognito-idp.${ctx.region}.amazonaws.com/${pool.id}`, {
      'Fn::GetAtt': [id, 'ProviderName'],
    });
    ctx.refs.add(pool.id, { Ref: id });
    for (const c of Object.values(pool.clients)) {
      const cid = ctx.id('Client', c.clientName);
      clientIds.set(c.clientId, cid);
      ctx.refs.add(c.clientId, { Ref: cid });
    }
  }
  const identityIds = new Map<string, string>();
  for (const p of Object.values(cognitoIdentity.pools)) {
    const id = ctx.id('IdentityPool', p.IdentityPoolName);
    identityIds.set(p.IdentityPoolId, id);
    ctx.refs.add(p.IdentityPoolId, { Ref: id });
  }
  return () => {
    for (const pool of Object.values(cognitoIdp.pools)) {
      const poolId = poolIds.get(pool.id) as string;
      const pp = pool.passwordPolicy;
      ctx.resources[poolId] = {
        Type: 'AWS::Cognito::UserPool',
        Properties: {
          UserPoolName: pool.name,
          Policies: { PasswordPolicy: { ...pp } },
          // The simulated pools let every user opt in to TOTP: OPTIONAL with software tokens.
          MfaConfiguration: 'OPTIONAL',
          EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          AutoVerifiedAttributes: pool.autoVerifiedAttributes,
          ...(pool.attributesRequireVerificationBeforeUpdate?.length
            ? {
                UserAttributeUpdateSettings: {
                  AttributesRequireVerificationBeforeUpdate: pool.attributesRequireVerificationBeforeUpdate,
                },
              }
            : {}),
          ...(pool.usernameAttributes?.length ? { UsernameAttributes: pool.usernameAttributes } : {}),
          ...(pool.aliasAttributes?.length ? { AliasAttributes: pool.aliasAttributes } : {}),
          ...(pool.adminCreateUserOnly ? { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } } : {}),
          UsernameConfiguration: { CaseSensitive: pool.caseSensitiveUsernames },
          Schema: pool.schema.map((a) => ({
            Name: a.name.replace(/^custom:/, ''),
            AttributeDataType: a.dataType,
            Mutable: a.mutable,
            Required: a.required,
          })),
        },
      };
      // A client allowed a custom scope is made after the resource servers that define it (CloudFormation
      // would otherwise create it first and the scope would not exist yet).
      const serverIds: string[] = [];
      for (const server of Object.values(pool.resourceServers ?? {})) {
        const id = ctx.id('ResourceServer', `${pool.name}-${server.name}`);
        serverIds.push(id);
        ctx.resources[id] = {
          Type: 'AWS::Cognito::UserPoolResourceServer',
          Properties: {
            UserPoolId: pool.id,
            Identifier: server.identifier,
            Name: server.name,
            Scopes: server.scopes.map((s) => ({
              ScopeName: s.scopeName,
              ScopeDescription: s.scopeDescription,
            })),
          },
        };
      }
      for (const c of Object.values(pool.clients))
        ctx.resources[clientIds.get(c.clientId) as string] = {
          ...(serverIds.length && c.allowedOAuthScopes.some((scope) => scope.includes('/'))
            ? { DependsOn: serverIds }
            : {}),
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: {
            UserPoolId: pool.id,
            ClientName: c.clientName,
            GenerateSecret: Boolean(c.clientSecret),
            ExplicitAuthFlows: c.explicitAuthFlows,
            PreventUserExistenceErrors: c.preventUserExistenceErrors,
            EnableTokenRevocation: c.enableTokenRevocation,
            IdTokenValidity: c.idTokenValiditySeconds,
            AccessTokenValidity: c.accessTokenValiditySeconds,
            RefreshTokenValidity: c.refreshTokenValiditySeconds,
            TokenValidityUnits: { IdToken: 'seconds', AccessToken: 'seconds', RefreshToken: 'seconds' },
            ...(c.readAttributes ? { ReadAttributes: c.readAttributes } : {}),
            ...(c.writeAttributes ? { WriteAttributes: c.writeAttributes } : {}),
            ...(c.allowedOAuthFlows.length
              ? {
                  AllowedOAuthFlowsUserPoolClient: true,
                  AllowedOAuthFlows: c.allowedOAuthFlows,
                  AllowedOAuthScopes: c.allowedOAuthScopes,
                  CallbackURLs: c.callbackUrls,
                }
              : {}),
            ...(c.logoutUrls.length ? { LogoutURLs: c.logoutUrls } : {}),
            ...(c.supportedIdentityProviders.length
              ? { SupportedIdentityProviders: c.supportedIdentityProviders }
              : {}),
            ...(c.authSessionValidityMinutes ? { AuthSessionValidity: c.authSessionValidityMinutes } : {}),
          },
        };
      for (const g of Object.values(pool.groups))
        ctx.resources[ctx.id('Group', `${pool.name}-${g.groupName}`)] = {
          Type: 'AWS::Cognito::UserPoolGroup',
          Properties: {
            UserPoolId: pool.id,
            GroupName: g.groupName,
            ...(g.description ? { Description: g.description } : {}),
            ...(g.precedence !== undefined ? { Precedence: g.precedence } : {}),
            ...(g.roleArn ? { RoleArn: g.roleArn } : {}),
          },
        };
      if (pool.domainPrefix)
        ctx.resources[ctx.id('Domain', pool.name)] = {
          Type: 'AWS::Cognito::UserPoolDomain',
          Properties: { UserPoolId: pool.id, Domain: pool.domainPrefix },
        };
      for (const idp of Object.values(cognitoOAuth.identityProviders[pool.id] ?? {}))
        ctx.resources[ctx.id('IdP', `${pool.name}-${idp.providerName}`)] = {
          Type: 'AWS::Cognito::UserPoolIdentityProvider',
          Properties: {
            UserPoolId: pool.id,
            ProviderName: idp.providerName,
            ProviderType: idp.providerType,
            ProviderDetails:
              idp.providerType === 'Google'
                ? {
                    client_id: idp.google?.clientId,
                    client_secret: 'REPLACE-WITH-YOUR-GOOGLE-CLIENT-SECRET',
                    authorize_scopes: idp.google?.authorizeScopes,
                  }
                : {
                    MetadataFile: samlMetadata(
                      idp.saml?.entityId ?? '',
                      idp.saml?.ssoUrl ?? '',
                      idp.saml?.certificates ?? [],
                    ),
                  },
            AttributeMapping: idp.attributeMapping,
          },
        };
    }
    for (const p of Object.values(cognitoIdentity.pools)) {
      const id = identityIds.get(p.IdentityPoolId) as string;
      ctx.resources[id] = {
        Type: 'AWS::Cognito::IdentityPool',
        Properties: {
          IdentityPoolName: p.IdentityPoolName,
          AllowUnauthenticatedIdentities: p.AllowUnauthenticatedIdentities,
          AllowClassicFlow: p.AllowClassicFlow,
          ...(Object.keys(p.SupportedLoginProviders).length
            ? { SupportedLoginProviders: p.SupportedLoginProviders }
            : {}),
          ...(p.DeveloperProviderName ? { DeveloperProviderName: p.DeveloperProviderName } : {}),
          ...(p.OpenIdConnectProviderARNs.length
            ? { OpenIdConnectProviderARNs: p.OpenIdConnectProviderARNs }
            : {}),
          ...(p.CognitoIdentityProviders.length
            ? { CognitoIdentityProviders: p.CognitoIdentityProviders }
            : {}),
          ...(p.SamlProviderARNs.length ? { SamlProviderARNs: p.SamlProviderARNs } : {}),
        },
      };
      if (Object.keys(p.Roles).length || Object.keys(p.RoleMappings).length)
        ctx.resources[ctx.id('RoleAttachment', p.IdentityPoolName)] = {
          Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
          Properties: {
            IdentityPoolId: p.IdentityPoolId,
            Roles: p.Roles,
            ...(Object.keys(p.RoleMappings).length
              ? {
                  RoleMappings: Object.fromEntries(
                    Object.entries(p.RoleMappings).map(([provider, m], i) => [
                      `mapping${i + 1}`,
                      { IdentityProvider: provider, ...m },
                    ]),
                  ),
                }
              : {}),
          },
        };
    }
  };
}
