import {
  DescribeIdentityPoolCommand,
  GetIdCommand,
  UpdateIdentityPoolCommand,
  type UpdateIdentityPoolCommandInput,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import {
  DEVELOPER_PROVIDER,
  gapCloud,
  publicIdentity,
  signedIdentity,
  sts,
} from '../../../../tests/sdk-conformance/support';
import type { Cloud } from '../../index';

/** The demo pool's configuration as UpdateIdentityPool takes it, with guests switched by `guests`. */
function demoPoolInput(cloud: Cloud, guests: boolean): UpdateIdentityPoolCommandInput {
  return {
    IdentityPoolId: cloud.demo.identityPool.id,
    IdentityPoolName: 'atlas_identities',
    AllowUnauthenticatedIdentities: guests,
    AllowClassicFlow: true,
    SupportedLoginProviders: { 'accounts.google.com': cloud.demo.google.clientId },
    DeveloperProviderName: DEVELOPER_PROVIDER,
    CognitoIdentityProviders: [
      {
        ProviderName: `cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.userPool.id}`,
        ClientId: cloud.demo.userPool.clientId,
        ServerSideTokenCheck: false,
      },
    ],
    SamlProviderARNs: [cloud.demo.saml.providerArn],
  };
}

describe('cognito-identity UpdateIdentityPool', () => {
  it('turns guest access off: the answer is the whole pool, and the next guest GetId is refused', async () => {
    const { cloud, clock } = await gapCloud();
    const admin = signedIdentity(cloud, clock);
    const input = demoPoolInput(cloud, false);
    const { $metadata: _m, ...out } = await admin.send(new UpdateIdentityPoolCommand(input));
    expect(out).toEqual({
      ...input,
      OpenIdConnectProviderARNs: [],
      IdentityPoolTags: {},
    });
    const guest = publicIdentity(cloud, clock).send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id }),
    );
    await expect(guest).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('turning guests back on restores guest GetId', async () => {
    const { cloud, clock } = await gapCloud();
    const admin = signedIdentity(cloud, clock);
    await admin.send(new UpdateIdentityPoolCommand(demoPoolInput(cloud, false)));
    await admin.send(new UpdateIdentityPoolCommand(demoPoolInput(cloud, true)));
    const out = await publicIdentity(cloud, clock).send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id }),
    );
    expect(out.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
  });

  it('sets omitted members to their defaults (a replace, not a patch), keeping the developer provider', async () => {
    const { cloud, clock } = await gapCloud();
    const admin = signedIdentity(cloud, clock);
    const poolId = cloud.demo.identityPool.id;
    await admin.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: poolId,
        IdentityPoolName: 'renamed pool',
        AllowUnauthenticatedIdentities: true,
      }),
    );
    const { $metadata: _m, ...pool } = await admin.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }),
    );
    expect(pool).toEqual({
      IdentityPoolId: poolId,
      IdentityPoolName: 'renamed pool',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
      SupportedLoginProviders: {},
      DeveloperProviderName: DEVELOPER_PROVIDER,
      OpenIdConnectProviderARNs: [],
      CognitoIdentityProviders: [],
      SamlProviderARNs: [],
      IdentityPoolTags: {},
    });
  });

  it('requires AllowUnauthenticatedIdentities (model: required member)', async () => {
    const { cloud, clock } = await gapCloud();
    const call = signedIdentity(cloud, clock).send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: cloud.demo.identityPool.id,
        IdentityPoolName: 'atlas_identities',
      } as UpdateIdentityPoolCommandInput),
    );
    await expect(call).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'allowUnauthenticatedIdentities' failed to satisfy constraint: Member must not be null",
    });
  });

  it('rejects a pool name outside the model pattern and a second developer provider name', async () => {
    const { cloud, clock } = await gapCloud();
    const admin = signedIdentity(cloud, clock);
    await expect(
      admin.send(
        new UpdateIdentityPoolCommand({ ...demoPoolInput(cloud, true), IdentityPoolName: 'bad/name' }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'bad/name' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
    });
    await expect(
      admin.send(
        new UpdateIdentityPoolCommand({
          ...demoPoolInput(cloud, true),
          DeveloperProviderName: 'login.other.demo',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('refuses an unsigned call and a caller IAM does not allow', async () => {
    const { cloud, clock } = await gapCloud();
    const unsigned = await cloud.fetch(
      new Request(`https://cognito-identity.${cloud.demo.region}.amazonaws.com/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityService.UpdateIdentityPool',
        },
        body: JSON.stringify(demoPoolInput(cloud, false)),
      }),
    );
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
    // A role session without cognito-identity permissions (AtlasDeveloperRole is the demo's assumable role).
    const role = await sts(cloud, clock, {
      accessKeyId: cloud.demo.iamUser.accessKeyId,
      secretAccessKey: cloud.demo.iamUser.secretAccessKey,
    }).send(new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'probe' }));
    const creds = role.Credentials;
    const denied = signedIdentity(cloud, clock, {
      accessKeyId: creds?.AccessKeyId ?? '',
      secretAccessKey: creds?.SecretAccessKey ?? '',
      sessionToken: creds?.SessionToken,
    }).send(new UpdateIdentityPoolCommand(demoPoolInput(cloud, false)));
    await expect(denied).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(
        `assumed-role/AtlasDeveloperRole/probe is not authorized to perform: cognito-identity:UpdateIdentityPool`,
      ),
    });
  });
});
