/**
 * The public samples (tests/fixtures/cfn-samples, with their licences and summaries). Expected
 * values come from reading each template and its summary (.md) beside it, and from the AWS
 * documentation on identity-pool roles, the guest scope-down and role mappings: not from output.
 */
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/stack/parse';
import { codes, decision, expectEveryResourceAccountedFor, importSample, sampleText } from './helpers';

async function logicalIds(name: string): Promise<string[]> {
  return Object.keys((await parseTemplate(sampleText(name))).Resources);
}

describe('rum-guest-only: a guest-only pool for CloudWatch RUM', () => {
  it('lets the guest put RUM events on its app monitor and flags nothing serious', async () => {
    const r = await importSample('rum-guest-only.yaml', {
      parameters: { ApplicationName: 'shop', ApplicationDomain: 'shop.example.com' },
    });
    expect(r.matrix.callers.map((c) => c.label)).toEqual(['Guest of shop']);
    // The role allows it, and the scope-down's managed policy AmazonCognitoUnauthenticatedIdentities lets rum:PutRumEvents through.
    expect(decision(r, 'Guest of shop', 'rum:PutRumEvents', 'appmonitor/shop')).toBe('allow');
    expect(codes(r)).toEqual([]);
    expect(r.needs).toEqual([]);
    expect(r.unsupported.map((u) => u.path)).toEqual(
      expect.arrayContaining(['Transform', 'Resources.CWRumAppMonitor']),
    );
    expectEveryResourceAccountedFor(r, await logicalIds('rum-guest-only.yaml'));
  });
  it('asks for the parameter it has no default for', async () => {
    const r = await importSample('rum-guest-only.yaml');
    expect(r.needs.map((n) => n.name)).toEqual(['ApplicationName']);
    expect(r.unsupported.some((u) => u.path === 'Parameters.ApplicationName')).toBe(true);
  });
});

describe('sdk-lex-guest-broad: guests with service-wide wildcards', () => {
  it('gives any guest Lex, Comprehend and Translate on every resource (case-insensitive service names)', async () => {
    const r = await importSample('sdk-lex-guest-broad.yaml');
    const guest = 'Guest of ExampleIdentityPool';
    for (const action of ['Lex:*', 'Comprehend:*', 'Translate:*'])
      expect(decision(r, guest, action, '*')).toBe('allow');
    expect(codes(r)).toEqual(['unauth-role-can-write', 'unauth-role-wildcard']);
    expect(r.findings.some((f) => f.code.startsWith('identity-pool-trust'))).toBe(false);
    expectEveryResourceAccountedFor(r, await logicalIds('sdk-lex-guest-broad.yaml'));
  });
});

describe('cdk-integ-idp-rolemappings: CDK-synthesised pool with token and rules mappings', () => {
  it('has no guest, a rules-mapping caller, and the classic flow flagged', async () => {
    const r = await importSample('cdk-integ-idp-rolemappings.json');
    const labels = r.matrix.callers.map((c) => c.label);
    expect(labels).toContain('Signed-in user of my-id-pool');
    expect(labels).toContain('my-id-pool: sub Equals "someVal"');
    expect(labels.some((l) => l.startsWith('Guest'))).toBe(false);
    expect(decision(r, 'Signed-in user of my-id-pool', 'dynamodb:DeleteItem', '*')).toBe('allow');
    // CDK clients default to the implicit and code grants; PreventUserExistenceErrors and MFA are left out.
    expect(codes(r)).toEqual([
      'classic-flow-allowed',
      'client-implicit-grant',
      'mfa-off',
      'prevent-user-existence-errors-legacy',
    ]);
    // The three mappings have Deny as ambiguous resolution: nothing falls back to the privileged role.
    expect(codes(r)).not.toContain('role-mapping-ambiguous-privileged');
    const pool = Object.values(r.state.cognitoIdentity.pools)[0];
    expect(Object.keys(pool?.RoleMappings ?? {})).toHaveLength(3);
    expect(Object.keys(pool?.RoleMappings ?? {})).toContain('accounts.google.com');
    expectEveryResourceAccountedFor(r, await logicalIds('cdk-integ-idp-rolemappings.json'));
  });
});

describe('data-lake-kibana-shared-role: one role in both slots, trust for authenticated only', () => {
  it('gives the guest no credentials, because the trust policy wants amr authenticated', async () => {
    const r = await importSample('data-lake-kibana-shared-role.yaml');
    const guest = r.matrix.callers.find((c) => c.label === 'Guest of data lake kibana');
    expect(guest?.blocked).toMatch(/trust policy/);
    expect(
      r.matrix.callers.find((c) => c.label === 'Signed-in user of data lake kibana')?.blocked,
    ).toBeUndefined();
    const finding = r.findings.find((f) => f.code === 'identity-pool-role-trust-rejects');
    expect(
      finding && 'result' in (finding.proof ?? {})
        ? (finding.proof as { result: { decision: string } }).result.decision
        : '',
    ).toBe('ImplicitDeny');
    expect(r.unsupported.some((u) => u.what.includes('AmazonESCognitoAccess'))).toBe(true);
    expectEveryResourceAccountedFor(r, await logicalIds('data-lake-kibana-shared-role.yaml'));
  });
});

describe('retail-demo-store-auth', () => {
  it('lets guests inject Personalize events anywhere and signed-in shoppers manage the identity pool', async () => {
    const r = await importSample('retail-demo-store-auth.yaml', {
      parameters: { AuthName: 'retail', PinpointAppId: 'pin1', LocationResourcePrefix: 'retail' },
    });
    expect(decision(r, 'Guest of retailIdentity', 'personalize:PutEvents', '*')).toBe('allow');
    expect(decision(r, 'Guest of retailIdentity', 'cognito-identity:*', 'identitypool/')).toBe('deny');
    expect(decision(r, 'Signed-in user of retailIdentity', 'cognito-identity:*', 'identitypool/')).toBe(
      'allow',
    );
    expect(
      decision(r, 'Signed-in user of retailIdentity', 'geo:BatchUpdateDevicePosition', 'tracker/retail'),
    ).toBe('allow');
    expect(codes(r)).toEqual([
      'mfa-off',
      'prevent-user-existence-errors-legacy',
      'unauth-role-can-write',
      'unauth-role-wildcard',
    ]);
    expectEveryResourceAccountedFor(r, await logicalIds('retail-demo-store-auth.yaml'));
    // The finding names the writes and says which allowed telemetry it does not count, as the matrix
    // shows those allowed too.
    const writes = r.findings.find((f) => f.code === 'unauth-role-can-write')?.message ?? '';
    expect(writes).toContain('mobiletargeting:UpdateEndpoint');
    expect(writes).toContain('personalize:PutEvents');
    expect(writes).toMatch(
      /Not counted here: .*mobileanalytics:PutEvents.*, telemetry a guest app is meant to send\./,
    );
    expect(writes).toMatch(/Not counted here: .*mobiletargeting:PutEvents/);
  });
});

describe('bedrock-identity-pool-oidc: condition keys chosen by Fn::If', () => {
  it('resolves the partition-specific trust and lets both callers get credentials', async () => {
    const r = await importSample('bedrock-identity-pool-oidc.yaml');
    expect(r.matrix.callers.length).toBe(2);
    for (const c of r.matrix.callers) expect(c.blocked).toBeUndefined();
    expect(codes(r)).not.toContain('identity-pool-trust-missing-aud');
    expect(codes(r)).not.toContain('identity-pool-trust-missing-amr');
    expectEveryResourceAccountedFor(r, await logicalIds('bedrock-identity-pool-oidc.yaml'));
  });
});

describe('quicksight-federation', () => {
  it('lets every signed-in user create QuickSight users on *', async () => {
    const r = await importSample('quicksight-federation.yaml');
    const signedIn = r.matrix.callers.find((c) => c.label.startsWith('Signed-in user'))?.label ?? '';
    expect(decision(r, signedIn, 'quicksight:CreateUser', '*')).toBe('allow');
    expect(codes(r)).toEqual(['mfa-off', 'prevent-user-existence-errors-legacy']);
    expectEveryResourceAccountedFor(r, await logicalIds('quicksight-federation.yaml'));
  });
});

describe('content-localization-auth: role mapping from a custom resource', () => {
  it('lists the mapping it cannot see and denies the default role everything', async () => {
    const r = await importSample('content-localization-auth.yaml');
    expect(r.unsupported.some((u) => u.path.endsWith('.RoleMappings'))).toBe(true);
    const signedIn = r.matrix.callers.find(
      (c) => c.label === 'Signed-in user of ContentAnalysisIdentityPool',
    );
    expect(signedIn).toBeDefined();
    expect(r.matrix.cells.filter((c) => c.caller === signedIn?.id).every((c) => c.decision === 'deny')).toBe(
      true,
    );
    expectEveryResourceAccountedFor(r, await logicalIds('content-localization-auth.yaml'));
  });
});

describe('centralized-logging-es', () => {
  it('gives Kibana users every HTTP verb on the domain, DELETE included', async () => {
    const r = await importSample('centralized-logging-es.json', {
      parameters: { AdminEmail: 'ops@example.com' },
    });
    const signedIn = r.matrix.callers[0]?.label ?? '';
    expect(decision(r, signedIn, 'es:ESHttpDelete', '')).toBe('allow');
    expect(codes(r)).toEqual(['mfa-off']);
    expectEveryResourceAccountedFor(r, await logicalIds('centralized-logging-es.json'));
  });
});

describe('cfn-webapp-userpool-authorizer: an API with one open method', () => {
  it('flags GET /jwt (NONE) beside the Cognito-protected methods, and only it', async () => {
    const r = await importSample('cfn-webapp-userpool-authorizer.json');
    const open = r.findings.filter((f) => f.code === 'api-method-without-auth');
    expect(open).toHaveLength(1);
    expect(open[0]?.path).toBe('Resources.JwtResourceGet');
    expect(open[0]?.message).toContain('GET /jwt');
    const api = Object.values(r.state.executeApi.apis)[0];
    expect(api?.methods.filter((m) => m.authorizationType === 'COGNITO_USER_POOLS').length).toBeGreaterThan(
      0,
    );
    expectEveryResourceAccountedFor(r, await logicalIds('cfn-webapp-userpool-authorizer.json'));
  });
});

describe('workload-discovery-cognito: per-identity prefixes via Fn::Sub variables', () => {
  it('keeps each identity to its own private prefix but lets everyone list the bucket', async () => {
    const r = await importSample('workload-discovery-cognito.yaml', {
      parameters: { AmplifyStorageBucket: 'wd-store' },
    });
    const u = 'Signed-in user of CognitoIdentityPool';
    expect(decision(r, u, 's3:GetObject', 'private/<identity A>/')).toBe('allow');
    expect(decision(r, u, 's3:GetObject', 'private/<identity B>/')).toBe('deny');
    expect(decision(r, u, 's3:ListBucket', 'arn:aws:s3:::wd-store')).toBe('allow');
    // Statement 3's s3:prefix condition never matches a GetObject: other users' protected/ objects stay closed.
    expect(decision(r, u, 's3:GetObject', 'protected/example.txt')).toBe('deny');
    expect(codes(r)).toEqual(['mfa-off', 'password-policy-weak']);
    expectEveryResourceAccountedFor(r, await logicalIds('workload-discovery-cognito.yaml'));
  });
});

describe('apigw-angular-groups: SAM API with a group role', () => {
  it('lets the signed-in user invoke the Google routes and lists the SAM resources', async () => {
    const r = await importSample('apigw-angular-groups.yaml');
    const u = r.matrix.callers.find((c) => c.label.startsWith('Signed-in user'))?.label ?? '';
    expect(decision(r, u, 'execute-api:Invoke', 'GET/google')).toBe('allow');
    expect(r.unsupported.some((u2) => u2.what.includes('AWS::Serverless::Api'))).toBe(true);
    expectEveryResourceAccountedFor(r, await logicalIds('apigw-angular-groups.yaml'));
  });
});
