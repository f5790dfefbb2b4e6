import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlayer, type TraceEntry } from '../../src/player/create-player';
import { findScenario } from '../../src/scenarios/catalog';
import type { ScenarioStep } from '../../src/scenarios/types';
import { createCloud } from '../../src/sim/index';

/**
 * The facts the narration states, pinned against what the engine really did: which role the identity
 * pool chose and why, which policy layer and statement allowed or denied (explicit vs implicit), token
 * lifetimes and algorithms. If the engine or the demo changes, the narration must change with it.
 */

interface Played {
  step: ScenarioStep;
  entry: TraceEntry;
}

const played = new Map<string, Played[]>();

async function play(scenarioId: string): Promise<Played[]> {
  const scenario = findScenario(scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const player = createPlayer({ scenario, createCloud });
  await player.seek(scenario.steps.length);
  return player.getSnapshot().entries.map((entry) => ({ step: scenario.steps[entry.index]!, entry }));
}

function stepOf(scenarioId: string, stepId: string): Played {
  const found = played.get(scenarioId)?.find((p) => p.step.id === stepId);
  if (!found) throw new Error(`no step ${stepId} in ${scenarioId}`);
  return found;
}

interface Decision {
  decision: string;
  deniedBy?: { layer: string; name: string; sid?: string };
  missingAllowIn?: string;
  policies: {
    layer: string;
    name: string;
    outcome: string;
    statements: { sid?: string; applies: boolean; conditions?: { key: string; matched: boolean }[] }[];
  }[];
}

function decisions(p: Played): Decision[] {
  return p.entry.events
    .filter((e) => e.kind === 'iam.decision')
    .map((e) => (e.detail as { result: Decision }).result);
}

function allowingStatements(d: Decision): string[] {
  return d.policies
    .filter((p) => p.outcome === 'Allow')
    .flatMap((p) => p.statements.filter((s) => s.applies).map((s) => `${p.layer}:${p.name}:${s.sid ?? '#'}`));
}

function roleSelection(p: Played): { roleArn?: string; reason?: string } | undefined {
  return p.entry.events.find((e) => e.kind === 'role.selection')?.detail as
    | { roleArn?: string; reason?: string }
    | undefined;
}

const SCENARIOS = [
  'enhanced-flow',
  'basic-flow',
  'basic-flow-google',
  'basic-flow-guest',
  'guest',
  'jwt-to-api',
  'google-direct',
  'google-via-user-pool',
  'saml',
  'saml-via-user-pool',
  'sts-assume-role',
  'what-if-guest-ssm',
  'attack-missing-aud',
  'after-sign-out',
  'what-if-tampered-token',
];

beforeAll(async () => {
  for (const id of SCENARIOS) played.set(id, await play(id));
}, 120_000);

describe('narration facts pinned to the engine', () => {
  it('guest write to another private/ prefix: an EXPLICIT deny from the bucket policy; the role allows nothing there', () => {
    const [d] = decisions(stepOf('guest', 's3-write-other'));
    expect(d?.decision).toBe('ExplicitDeny');
    expect(d?.deniedBy).toMatchObject({
      layer: 'resource',
      name: 'bucket policy',
      sid: 'DenyWritesOutsidePublicAndOwnPrivatePrefix',
    });
    expect(d?.policies.find((p) => p.name === 'AtlasIdentityPoolAccess')?.outcome).toBe('NoMatch');
  });

  it('guest and signed-in run the same three S3 calls and get the same answers, for the same statements', () => {
    // The guest toggle compares like with like: read public/, write its own private/ prefix, write another's.
    const calls = ['s3-read-public', 's3-write-own', 's3-write-other'];
    const answers = (scenario: string) =>
      calls.map((step) => {
        const p = stepOf(scenario, step);
        const [d] = decisions(p);
        return `${p.step.operation} ${p.entry.response?.status} ${d?.decision} ${d?.deniedBy?.sid ?? allowingStatements(d!).filter((a) => a.includes('AtlasIdentityPoolAccess'))}`;
      });
    expect(answers('guest')).toEqual(answers('enhanced-flow'));
    expect(answers('guest')).toEqual([
      'GetObject 200 Allow identity:AtlasIdentityPoolAccess:ReadPublic',
      'PutObject 200 Allow identity:AtlasIdentityPoolAccess:OwnPrivatePrefix',
      'PutObject 403 ExplicitDeny DenyWritesOutsidePublicAndOwnPrivatePrefix',
    ]);
    // The guest narration says its scope-down session policy (which lists S3) allows the two calls that pass.
    for (const step of ['s3-read-public', 's3-write-own']) {
      const [d] = decisions(stepOf('guest', step));
      expect(d?.policies.find((p) => p.layer === 'session')?.outcome, step).toBe('Allow');
    }
  });

  it('every flow ends with the same three S3 calls; only AtlasSamlRole (ReadPublic alone) is refused its own prefix', () => {
    const calls = ['s3-read-public', 's3-write-own', 's3-write-other'];
    const statuses = (scenario: string) => calls.map((step) => stepOf(scenario, step).entry.response?.status);
    for (const scenario of [
      'basic-flow',
      'basic-flow-google',
      'basic-flow-guest',
      'google-direct',
      'google-via-user-pool',
      'saml-via-user-pool',
    ])
      expect(statuses(scenario), scenario).toEqual([200, 200, 403]);
    expect(statuses('saml')).toEqual([200, 403, 403]);
    // Own prefix: an IMPLICIT deny (the role allows no PutObject; the bucket policy leaves the own prefix alone).
    const [own] = decisions(stepOf('saml', 's3-write-own'));
    expect(own?.decision).toBe('ImplicitDeny');
    expect(own?.policies.find((p) => p.name === 'inline:ReadPublic')?.outcome).toBe('NoMatch');
    expect(own?.policies.find((p) => p.name === 'bucket policy')?.outcome).not.toBe('Deny');
    // Another's prefix: the bucket policy's explicit Deny, as for every other caller.
    const [other] = decisions(stepOf('saml', 's3-write-other'));
    expect(other?.deniedBy?.sid).toBe('DenyWritesOutsidePublicAndOwnPrivatePrefix');
  });

  it('guest SSM call: an IMPLICIT deny from the missing session-policy allow, although the role allows it', () => {
    const [d] = decisions(stepOf('what-if-guest-ssm', 'ssm-get-parameter'));
    expect(d?.decision).toBe('ImplicitDeny');
    expect(d?.missingAllowIn).toBe('session');
    expect(allowingStatements(d!)).toEqual(['identity:AtlasIdentityPoolAccess:PublicParameters']);
  });

  it('guest token at the authenticated role: an implicit deny, no trust statement applies', () => {
    const [d] = decisions(stepOf('attack-missing-aud', 'assume-authenticated-as-guest'));
    expect(d?.decision).toBe('ImplicitDeny');
    expect(d?.missingAllowIn).toBe('trust');
    // The narration says aud matches and amr does not.
    const conditions = d?.policies[0]?.statements.flatMap((st) => st.conditions ?? []) ?? [];
    expect(conditions.map((c) => `${c.key}=${c.matched}`).sort()).toEqual([
      'cognito-identity.amazonaws.com:amr=false',
      'cognito-identity.amazonaws.com:aud=true',
    ]);
  });

  it('every public read is allowed by a ReadPublic statement of the role the step before chose', () => {
    // The main pool's roles share AtlasIdentityPoolAccess, the classic pool's AtlasClassicPoolAccess;
    // the SAML login takes AtlasSamlRole from the assertion, whose inline policy is ReadPublic.
    const reads: [string, string, string][] = [
      ['enhanced-flow', 's3-read-public', 'identity:AtlasIdentityPoolAccess:ReadPublic'],
      ['basic-flow', 's3-read-public', 'identity:AtlasClassicPoolAccess:ReadPublic'],
      ['basic-flow-google', 's3-read-public', 'identity:AtlasClassicPoolAccess:ReadPublic'],
      ['basic-flow-guest', 's3-read-public', 'identity:AtlasClassicPoolAccess:ReadPublic'],
      ['guest', 's3-read-public', 'identity:AtlasIdentityPoolAccess:ReadPublic'],
      ['google-direct', 's3-read-public', 'identity:AtlasIdentityPoolAccess:ReadPublic'],
      ['saml', 's3-read-public', 'identity:inline:ReadPublic:ReadPublic'],
      ['after-sign-out', 'probe-credentials', 'identity:AtlasIdentityPoolAccess:ReadPublic'],
    ];
    for (const [scenario, step, statement] of reads) {
      const [d] = decisions(stepOf(scenario, step));
      expect(d?.decision, `${scenario}/${step}`).toBe('Allow');
      expect(allowingStatements(d!), `${scenario}/${step}`).toContain(statement);
    }
  });

  it('role selection is what each get-credentials narration says', () => {
    const roles = (scenario: string) => {
      const sel = roleSelection(stepOf(scenario, 'get-credentials'));
      return `${sel?.roleArn?.split('/').pop()} | ${sel?.reason}`;
    };
    expect(roles('enhanced-flow')).toMatch(/^AtlasAdminsRole \| .*cognito:preferred_role/);
    expect(roles('google-direct')).toMatch(/^AtlasAuthenticatedRole \| no role mapping/);
    // SAML: the role the assertion's Role attribute names (identity pools guide, SAML role customization).
    expect(roles('saml')).toMatch(
      /^AtlasSamlRole \| SAML: the only role the assertion’s Role attribute offers/,
    );
    expect(roles('google-via-user-pool')).toMatch(/^AtlasAuthenticatedRole \| .*AmbiguousRoleResolution/);
    expect(roles('saml-via-user-pool')).toMatch(/^AtlasAuthenticatedRole \| .*AmbiguousRoleResolution/);
    expect(roles('guest')).toMatch(/^AtlasGuestRole \| .*unauthenticated/);
    // Only the guest session carries Cognito's scope-down session policies.
    const scoped = (scenario: string) =>
      stepOf(scenario, 'get-credentials').entry.events.some((e) => e.kind === 'session-policy');
    expect([scoped('guest'), scoped('enhanced-flow'), scoped('google-direct')]).toEqual([true, false, false]);
  });

  it('identity pool credentials last one hour (narration: "valid for one hour")', () => {
    for (const scenario of ['enhanced-flow', 'guest', 'google-direct', 'saml']) {
      const { entry } = stepOf(scenario, 'get-credentials');
      expect(((entry.held.credentials?.expiration ?? 0) - entry.at) / 1000, scenario).toBe(3600);
      expect(entry.held.credentials?.accessKeyId, scenario).toMatch(/^ASIA/);
    }
  });

  it('the Cognito OpenID token is RS512, typ JWS, aud = identity pool id, valid 10 minutes', () => {
    const { entry } = stepOf('basic-flow', 'get-open-id-token');
    const token = entry.held.openIdToken ?? '';
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    expect([header.alg, header.typ]).toEqual(['RS512', 'JWS']);
    expect(claims.iss).toBe('https://cognito-identity.amazonaws.com');
    expect(claims.aud).toMatch(/^us-east-1:/);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600);
    expect((claims.amr as string[])[0]).toBe('authenticated');
  });

  it('user pool tokens: RS256, ID token has aud, access token has client_id and no aud, both 60 minutes', () => {
    const { entry } = stepOf('enhanced-flow', 'user-pool-sign-in');
    const id = decodeJwt(entry.held.idToken ?? '');
    const access = decodeJwt(entry.held.accessToken ?? '');
    expect(decodeProtectedHeader(entry.held.idToken ?? '').alg).toBe('RS256');
    expect([id.token_use, typeof id.aud, 'aud' in access, access.token_use, typeof access.client_id]).toEqual(
      ['id', 'string', false, 'access', 'string'],
    );
    expect([(id.exp ?? 0) - (id.iat ?? 0), (access.exp ?? 0) - (access.iat ?? 0)]).toEqual([3600, 3600]);
  });

  it('AssumeRole: the trust policy names the user (enough on its own in one account); the user policy also allows', () => {
    const [d] = decisions(stepOf('sts-assume-role', 'assume-role'));
    expect(d?.decision).toBe('Allow');
    expect(d?.policies.map((p) => `${p.layer}:${p.outcome}`)).toEqual(['trust:Allow', 'identity:Allow']);
  });

  it('the JWT authorizer asks no IAM question; after sign-out the ID token and credentials still work', () => {
    expect(decisions(stepOf('jwt-to-api', 'api-with-id-token'))).toEqual([]);
    expect(stepOf('jwt-to-api', 'api-with-id-token').step.via).toBeUndefined();
    expect(stepOf('after-sign-out', 'probe-id-token').entry.response?.status).toBe(200);
    expect(stepOf('after-sign-out', 'probe-credentials').entry.response?.status).toBe(200);
  });

  it('the tampered token really had its groups rewritten and the authorizer refused its signature', () => {
    const { entry } = stepOf('what-if-tampered-token', 'api-tampered');
    const sent = entry.request?.headers.find(([name]) => name === 'authorization')?.[1] ?? '';
    expect(decodeJwt(sent)['cognito:groups']).toEqual(['admins']);
    expect(entry.events.find((e) => e.kind === 'token.rejected')?.summary).toMatch(
      /signature does not verify/,
    );
  });
});
