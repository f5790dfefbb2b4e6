import { AssumeRoleWithSAMLCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../index';
import { buildSamlResponseXml } from '../../saml/build-response';
import { AWS_SAML_ATTRIBUTES, AWS_SAML_RECIPIENT } from '../../saml/names';
import { signSamlAssertion } from '../../saml/sign';
import { sha1Base64 } from './digest';
import { sdkError, stsWorld } from './test-support';

async function samlResponse(cloud: Cloud) {
  const dave = cloud.demo.saml.users[0]!;
  return cloud.demo.saml.signIn(dave.username, dave.password);
}

describe('sts AssumeRoleWithSAML', () => {
  it('returns role credentials and the SAML result fields', async () => {
    const { cloud, sts } = await stsWorld();
    const assertion = await samlResponse(cloud);
    const out = await sts().send(
      new AssumeRoleWithSAMLCommand({
        RoleArn: cloud.demo.saml.roleArn,
        PrincipalArn: cloud.demo.saml.providerArn,
        SAMLAssertion: assertion,
      }),
    );
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.AssumedRoleUser?.Arn).toMatch(
      new RegExp(`^arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasSamlRole/`),
    );
    expect(out.Audience).toBe('https://signin.aws.amazon.com/saml');
    expect(out.Issuer).toMatch(/^https:\/\/idp\.example-corp\.test/);
    expect(out.Subject).toBeTruthy();
    expect(out.NameQualifier).toBe(await sha1Base64(`${out.Issuer}${cloud.demo.accountId}/ExampleCorpIdP`));
  });

  it('accepts the same assertion again while it is valid (as AWS does), and not after NotOnOrAfter', async () => {
    const { cloud, clock, sts } = await stsWorld();
    const assertion = await samlResponse(cloud);
    const input = {
      RoleArn: cloud.demo.saml.roleArn,
      PrincipalArn: cloud.demo.saml.providerArn,
      SAMLAssertion: assertion,
    };
    const first = await sts().send(new AssumeRoleWithSAMLCommand(input));
    clock.advance(60_000);
    const second = await sts().send(new AssumeRoleWithSAMLCommand(input));
    expect(second.AssumedRoleUser?.Arn).toBe(first.AssumedRoleUser?.Arn);
    expect(second.Credentials?.AccessKeyId).not.toBe(first.Credentials?.AccessKeyId);
    // The demo IdP's assertions live five minutes: after that the same bytes are refused.
    clock.advance(5 * 60_000);
    const err = await sdkError(() => sts().send(new AssumeRoleWithSAMLCommand(input)));
    expect(err).toEqual({ name: 'ExpiredTokenException', status: 400, message: 'Response has expired' });
  });

  it('refuses a role the assertion does not list', async () => {
    const { cloud, sts } = await stsWorld();
    const err = await sdkError(async () =>
      sts().send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          PrincipalArn: cloud.demo.saml.providerArn,
          SAMLAssertion: await samlResponse(cloud),
        }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Not authorized to perform sts:AssumeRoleWithSAML',
    });
  });

  it('refuses an altered assertion with "Response signature invalid"', async () => {
    const { cloud, sts } = await stsWorld();
    const xml = atob(await samlResponse(cloud));
    const altered = btoa(xml.replace(/AtlasSamlRole/g, 'AtlasDeveloperRole'));
    const err = await sdkError(() =>
      sts().send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          PrincipalArn: cloud.demo.saml.providerArn,
          SAMLAssertion: altered,
        }),
      ),
    );
    expect(err).toEqual({
      name: 'InvalidIdentityTokenException',
      status: 400,
      message: 'Response signature invalid',
    });
  });

  it('refuses an assertion past its NotOnOrAfter', async () => {
    const { cloud, clock, sts } = await stsWorld();
    const assertion = await samlResponse(cloud);
    clock.advance(24 * 3600_000);
    const err = await sdkError(() =>
      sts().send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: cloud.demo.saml.roleArn,
          PrincipalArn: cloud.demo.saml.providerArn,
          SAMLAssertion: assertion,
        }),
      ),
    );
    expect(err.name).toBe('ExpiredTokenException');
  });
});

describe('sts AssumeRoleWithSAML: five minutes from IssueInstant', () => {
  it('refuses an assertion issued over five minutes ago even when its NotOnOrAfter is later', async () => {
    const { cloud, clock, sts } = await stsWorld();
    const { keys } = cloud.snapshot();
    const state = JSON.parse(cloud.snapshot().state) as { saml: { entityId: string } };
    const xml = buildSamlResponseXml({
      responseId: '_long-lived-response',
      assertionId: '_long-lived-assertion',
      issuer: state.saml.entityId,
      issuedAt: clock.now(),
      lifetimeMs: 60 * 60_000,
      destination: AWS_SAML_RECIPIENT,
      recipient: AWS_SAML_RECIPIENT,
      audience: AWS_SAML_RECIPIENT,
      nameId: 'dave-long-lived',
      sessionIndex: '_s1',
      attributes: [
        {
          name: AWS_SAML_ATTRIBUTES.role,
          values: [`${cloud.demo.saml.roleArn},${cloud.demo.saml.providerArn}`],
        },
        { name: AWS_SAML_ATTRIBUTES.roleSessionName, values: ['dave'] },
      ],
    });
    const signed = await signSamlAssertion(xml, {
      privateKey: keys.saml.privateKey,
      certificateBase64: keys.saml.certificateBase64,
    });
    const input = {
      RoleArn: cloud.demo.saml.roleArn,
      PrincipalArn: cloud.demo.saml.providerArn,
      SAMLAssertion: Buffer.from(signed).toString('base64'),
    };
    clock.advance(4 * 60_000);
    expect((await sts().send(new AssumeRoleWithSAMLCommand(input))).Credentials?.AccessKeyId).toMatch(
      /^ASIA/,
    );
    clock.advance(2 * 60_000);
    expect(await sdkError(() => sts().send(new AssumeRoleWithSAMLCommand(input)))).toEqual({
      name: 'ExpiredTokenException',
      status: 400,
      message: 'Token must be redeemed within 5 minutes of issuance',
    });
  });
});
