import {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
} from '@aws-sdk/client-sts';
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../index';
import { buildSamlResponseXml, type SamlAttribute } from '../../saml/build-response';
import { AWS_SAML_ATTRIBUTES, AWS_SAML_RECIPIENT } from '../../saml/names';
import { signSamlAssertion } from '../../saml/sign';
import { createKeyRing } from '../../tokens/keys';
import type { WorldState } from '../../world';
import { asCreds, sdkError, stsWorld } from './test-support';

/**
 * Source identity (IAM User Guide "Monitor and control actions taken with assumed roles"): set by
 * AssumeRole's SourceIdentity, a SAML `…/SourceIdentity` attribute or a token's
 * `https://aws.amazon.com/source_identity` claim; it needs sts:SetSourceIdentity, and it cannot change.
 */
const SOURCE_IDENTITY_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/SourceIdentity';
const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

/** The developer role trusting the demo user and itself, with or without sts:SetSourceIdentity. */
function developerRole(setSourceIdentity: boolean) {
  return (state: WorldState) => {
    const role = state.iam.roles.AtlasDeveloperRole!;
    delete role.permissionsBoundaryArn;
    const actions = setSourceIdentity ? ['sts:AssumeRole', 'sts:SetSourceIdentity'] : ['sts:AssumeRole'];
    role.trustPolicy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: [state.iam.users['atlas-developer']!.arn, role.arn] },
          Action: actions,
        },
      ],
    };
    role.inlinePolicies.push({
      name: 'ChainToSelf',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: actions, Resource: role.arn }],
      },
    });
  };
}

/** Adds sts:SetSourceIdentity to every statement of a role's trust policy. */
function trustSetSourceIdentity(roleName: string) {
  return (state: WorldState) => {
    for (const statement of [state.iam.roles[roleName]!.trustPolicy.Statement].flat()) {
      statement.Action = [statement.Action as string, 'sts:SetSourceIdentity'].flat();
    }
  };
}

/** A signed assertion from the demo IdP naming the demo SAML role, with extra attributes. */
async function samlAssertion(cloud: Cloud, now: number, extra: SamlAttribute[]) {
  const { keys, state } = cloud.snapshot();
  const xml = buildSamlResponseXml({
    responseId: '_response-1',
    assertionId: '_assertion-1',
    issuer: (JSON.parse(state) as WorldState).saml.entityId,
    issuedAt: now,
    lifetimeMs: 5 * 60_000,
    destination: AWS_SAML_RECIPIENT,
    recipient: AWS_SAML_RECIPIENT,
    audience: AWS_SAML_RECIPIENT,
    nameId: 'dave-persistent-id',
    sessionIndex: '_s1',
    attributes: [
      {
        name: AWS_SAML_ATTRIBUTES.role,
        values: [`${cloud.demo.saml.roleArn},${cloud.demo.saml.providerArn}`],
      },
      { name: AWS_SAML_ATTRIBUTES.roleSessionName, values: ['dave@example-corp.test'] },
      ...extra,
    ],
  });
  const signed = await signSamlAssertion(xml, {
    privateKey: keys.saml.privateKey,
    certificateBase64: keys.saml.certificateBase64,
  });
  return Buffer.from(signed).toString('base64');
}

/** The demo Google ID token re-signed with the demo Google key and extra claims. */
async function googleTokenWith(cloud: Cloud, claims: Record<string, unknown>) {
  const carol = cloud.demo.google.users[0]!;
  const original = decodeJwt(await cloud.demo.google.signIn(carol.username, carol.password));
  const keys = await createKeyRing('demo', cloud.demo.region);
  return new SignJWT({ ...original, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: keys.google.kid })
    .sign(keys.google.privateKey);
}

const storedSession = (cloud: Cloud, accessKeyId: string | undefined) =>
  (JSON.parse(cloud.snapshot().state) as WorldState).sts.sessions[accessKeyId ?? ''];

describe('sts AssumeRole SourceIdentity', () => {
  it('needs sts:SetSourceIdentity to set a source identity', async () => {
    const { cloud, user, sts } = await stsWorld({ edit: developerRole(false) });
    const err = await sdkError(() =>
      sts(user).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'pat',
          SourceIdentity: 'pat@example.com',
        }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${cloud.demo.iamUser.arn} is not authorized to perform: sts:SetSourceIdentity on resource: ${cloud.demo.assumableRoleArn}`,
    });
  });

  it('carries the source identity along a chain, which then needs sts:SetSourceIdentity again', async () => {
    const allowed = await stsWorld({ edit: developerRole(true) });
    const first = await allowed.sts(allowed.user).send(
      new AssumeRoleCommand({
        RoleArn: allowed.cloud.demo.assumableRoleArn,
        RoleSessionName: 'first',
        SourceIdentity: 'pat@example.com',
      }),
    );
    expect(first.SourceIdentity).toBe('pat@example.com');
    const second = await allowed
      .sts(asCreds(first.Credentials))
      .send(
        new AssumeRoleCommand({ RoleArn: allowed.cloud.demo.assumableRoleArn, RoleSessionName: 'second' }),
      );
    expect(second.SourceIdentity).toBe('pat@example.com');
    // The value cannot change during the chain (doc): another one is refused.
    const changed = await sdkError(() =>
      allowed.sts(asCreds(first.Credentials)).send(
        new AssumeRoleCommand({
          RoleArn: allowed.cloud.demo.assumableRoleArn,
          RoleSessionName: 'third',
          SourceIdentity: 'mallory',
        }),
      ),
    );
    expect(changed.name).toBe('AccessDenied');
    expect(changed.status).toBe(403);
  });

  it('refuses a chained session whose inherited source identity the next role does not allow', async () => {
    // The user may set a source identity; the role's own sessions may assume it, but not set one.
    const { cloud, user, sts } = await stsWorld({
      edit: (state) => {
        developerRole(false)(state);
        const role = state.iam.roles.AtlasDeveloperRole!;
        role.trustPolicy.Statement = [
          {
            Effect: 'Allow',
            Principal: { AWS: state.iam.users['atlas-developer']!.arn },
            Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
          },
          { Effect: 'Allow', Principal: { AWS: role.arn }, Action: 'sts:AssumeRole' },
        ];
      },
    });
    const first = await sts(user).send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'first',
        SourceIdentity: 'pat@example.com',
      }),
    );
    const err = await sdkError(() =>
      sts(asCreds(first.Credentials)).send(
        new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'second' }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${first.AssumedRoleUser?.Arn} is not authorized to perform: sts:SetSourceIdentity on resource: ${cloud.demo.assumableRoleArn}`,
    });
  });
});

describe('sts AssumeRoleWithSAML SourceIdentity', () => {
  it('returns the SourceIdentity attribute and keeps it as aws:SourceIdentity', async () => {
    const { cloud, clock, sts } = await stsWorld({ edit: trustSetSourceIdentity('AtlasSamlRole') });
    const out = await sts().send(
      new AssumeRoleWithSAMLCommand({
        RoleArn: cloud.demo.saml.roleArn,
        PrincipalArn: cloud.demo.saml.providerArn,
        SAMLAssertion: await samlAssertion(cloud, clock.now(), [
          { name: SOURCE_IDENTITY_ATTRIBUTE, values: ['DiegoRamirez'] },
        ]),
      }),
    );
    expect(out.SourceIdentity).toBe('DiegoRamirez');
    const stored = storedSession(cloud, out.Credentials?.AccessKeyId);
    expect(stored?.sourceIdentity).toBe('DiegoRamirez');
    expect(stored?.context['aws:SourceIdentity']).toBe('DiegoRamirez');
  });

  it('is refused when the trust policy lacks sts:SetSourceIdentity', async () => {
    const { cloud, clock, sts } = await stsWorld();
    const err = await sdkError(async () =>
      sts().send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: cloud.demo.saml.roleArn,
          PrincipalArn: cloud.demo.saml.providerArn,
          SAMLAssertion: await samlAssertion(cloud, clock.now(), [
            { name: SOURCE_IDENTITY_ATTRIBUTE, values: ['DiegoRamirez'] },
          ]),
        }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithSAML',
    });
  });

  it('refuses a source identity outside [a-zA-Z_0-9+=,.@-]{2,64} or beginning with aws:', async () => {
    const { cloud, clock, sts } = await stsWorld({ edit: trustSetSourceIdentity('AtlasSamlRole') });
    for (const value of ['Diego Ramirez', 'x', 'aws:diego']) {
      const err = await sdkError(async () =>
        sts().send(
          new AssumeRoleWithSAMLCommand({
            RoleArn: cloud.demo.saml.roleArn,
            PrincipalArn: cloud.demo.saml.providerArn,
            SAMLAssertion: await samlAssertion(cloud, clock.now(), [
              { name: SOURCE_IDENTITY_ATTRIBUTE, values: [value] },
            ]),
          }),
        ),
      );
      expect(err).toEqual({
        name: 'InvalidIdentityTokenException',
        status: 400,
        message: 'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"',
      });
    }
  });
});

describe('sts AssumeRoleWithSAML SessionDuration attribute', () => {
  it('never lengthens an API session past the one-hour default', async () => {
    const { cloud, clock, sts } = await stsWorld({
      edit: (state) => {
        state.iam.roles.AtlasSamlRole!.maxSessionDuration = 43_200;
      },
    });
    const out = await sts().send(
      new AssumeRoleWithSAMLCommand({
        RoleArn: cloud.demo.saml.roleArn,
        PrincipalArn: cloud.demo.saml.providerArn,
        SAMLAssertion: await samlAssertion(cloud, clock.now(), [
          { name: AWS_SAML_ATTRIBUTES.sessionDuration, values: ['28800'] },
        ]),
      }),
    );
    expect(out.Credentials?.Expiration?.getTime()).toBe(clock.now() + 3600_000);
  });
});

describe('sts AssumeRoleWithWebIdentity SourceIdentity', () => {
  it('returns the source_identity claim when the trust policy allows sts:SetSourceIdentity', async () => {
    const { cloud, sts } = await stsWorld({ edit: trustSetSourceIdentity('AtlasWebIdentityRole') });
    const out = await sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.webIdentityRoleArn,
        RoleSessionName: 'carol',
        WebIdentityToken: await googleTokenWith(cloud, { [SOURCE_IDENTITY_CLAIM]: 'Admin' }),
      }),
    );
    expect(out.SourceIdentity).toBe('Admin');
    expect(storedSession(cloud, out.Credentials?.AccessKeyId)?.context['aws:SourceIdentity']).toBe('Admin');
  });

  it('is refused when the trust policy lacks sts:SetSourceIdentity', async () => {
    const { cloud, sts } = await stsWorld();
    const err = await sdkError(async () =>
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: cloud.demo.webIdentityRoleArn,
          RoleSessionName: 'carol',
          WebIdentityToken: await googleTokenWith(cloud, { [SOURCE_IDENTITY_CLAIM]: 'Admin' }),
        }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
  });
});
