import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { createPlayer } from '../../player/create-player';
import { worldFactsOf } from '../../player/world-facts';
import { SCENARIOS } from '../../scenarios/catalog';
import { AWS_MANAGED_POLICIES, cognitoGuestSessionPolicies, createCloud } from '../../sim/index';
import { guestScopeDownBlocks, guestScopeDownServices } from './guest-scope-down';
import { explainPolicy } from './policy-notes';
import { poolRoleConfig } from './role-mapping';
import { decodeSamlResponse } from './saml-assertion';

/** The explainers read the engine's own state and data; these tests run them against a real cloud. */

describe('guestScopeDownServices', () => {
  it('lists the services of the engine’s scope-down policies, S3 in, SSM out', () => {
    const services = guestScopeDownServices(cognitoGuestSessionPolicies());
    expect(services.find((s) => s.service === 's3')).toEqual({ service: 's3', actions: 'all' });
    expect(services.find((s) => s.service === 'kms')?.actions).toContain('Decrypt');
    expect(guestScopeDownBlocks(services, 'ssm')).toBe(true);
    expect(guestScopeDownBlocks(services, 's3')).toBe(false);
    // Every allowed action of the engine's policies is covered by the list (nothing dropped).
    const services2 = new Set(services.map((s) => s.service));
    for (const p of cognitoGuestSessionPolicies())
      for (const st of [p.document.Statement].flat())
        for (const a of [st.Action ?? []].flat()) expect(services2.has(String(a).split(':')[0]!)).toBe(true);
  });
});

describe('poolRoleConfig', () => {
  it('shows the enhanced pool’s token-based mapping and the classic pool’s lack of one, from state', async () => {
    const cloud = await createCloud({ now: () => Date.UTC(2026, 0, 15) });
    const world = worldFactsOf(cloud);
    const enhanced = poolRoleConfig(world, cloud.demo.identityPool.id);
    expect(enhanced?.authenticatedRole).toBe(cloud.demo.identityPool.authenticatedRoleArn);
    expect(enhanced?.guestRole).toBe(cloud.demo.identityPool.unauthenticatedRoleArn);
    const userPoolMapping = enhanced?.mappings.find((m) => m.provider.startsWith('cognito-idp.'));
    expect(userPoolMapping).toMatchObject({
      type: 'Token',
      ambiguous: 'AuthenticatedRole: the pool’s authenticated role',
    });
    const classic = poolRoleConfig(world, cloud.demo.classicIdentityPool.id);
    expect(classic?.classicFlow).toBe(true);
    expect(classic?.mappings).toEqual([]);
  });
});

describe('explainPolicy', () => {
  it('explains every policy name any scenario’s IAM trace shows', async () => {
    const unexplained: string[] = [];
    for (const scenario of SCENARIOS) {
      const player = createPlayer({ scenario, createCloud });
      await player.seek(scenario.steps.length);
      const snap = player.getSnapshot();
      for (const entry of snap.entries)
        for (const event of entry.events) {
          if (event.kind !== 'iam.decision') continue;
          const detail = event.detail as { result?: { policies?: { layer: string; name: string }[] } };
          for (const p of detail.result?.policies ?? []) {
            const e = explainPolicy(p.layer, p.name, snap.world, AWS_MANAGED_POLICIES);
            if (
              !e ||
              (p.layer !== 'session' && p.name !== 'session policy (inline)' && e.statements.length === 0)
            )
              unexplained.push(`${scenario.id}: ${p.layer} ${p.name}`);
          }
        }
    }
    expect(unexplained).toEqual([]);
  }, 120_000);

  it('reads AtlasIdentityPoolAccess from state: its roles and its OwnPrivatePrefix statement', async () => {
    const cloud = await createCloud({ now: () => Date.UTC(2026, 0, 15) });
    const e = explainPolicy('identity', 'AtlasIdentityPoolAccess', worldFactsOf(cloud), AWS_MANAGED_POLICIES);
    expect(e?.kind).toContain('AtlasGuestRole');
    expect(e?.description).toBe('What identity-pool credentials may do in the demo');
    expect(e?.statements.find((s) => s.startsWith('OwnPrivatePrefix:'))).toContain(
      'Allow s3:GetObject, s3:PutObject, s3:DeleteObject on arn:aws:s3:::',
    );
  });
});

describe('decodeSamlResponse', () => {
  it('reads issuer, NameID, audience, Role and RoleSessionName, time window and signature from the real response', async () => {
    const now = Date.UTC(2026, 0, 15, 9);
    const cloud = await createCloud({ now: () => now });
    const user = cloud.demo.saml.users[0]!;
    const response = await cloud.demo.saml.signIn(user.username, user.password);
    const decoded = decodeSamlResponse(response, new DOMParser());
    expect(decoded?.status).toBe('urn:oasis:names:tc:SAML:2.0:status:Success');
    expect(decoded?.issuer).toMatch(/^https?:\/\//);
    expect(decoded?.nameId).toBeTruthy();
    expect(decoded?.audience?.length).toBeGreaterThan(0);
    const role = decoded?.attributes.find((a) => a.name === 'https://aws.amazon.com/SAML/Attributes/Role');
    expect(role?.values.join()).toContain(cloud.demo.saml.roleArn);
    expect(role?.values.join()).toContain(cloud.demo.saml.providerArn);
    expect(
      decoded?.attributes.find((a) => a.name === 'https://aws.amazon.com/SAML/Attributes/RoleSessionName')
        ?.values,
    ).toHaveLength(1);
    expect(Date.parse(decoded?.notOnOrAfter ?? '')).toBeGreaterThan(now);
    expect(decoded?.signature?.certificate).toBe(true);
    expect(decoded?.signature?.signatureAlgorithm).toContain('rsa-sha256');
  });

  it('answers undefined for bytes that are not a SAML response', () => {
    expect(decodeSamlResponse(btoa('<html/>'), new DOMParser())).toBeUndefined();
  });
});
