import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { signRequest } from '../../src/sim/signer';
import { type ImportedStack, type ImportOptions, importStack, StackImportError } from '../../src/stack/index';
import { sha256Hex } from '../../src/wire/aws-requests';

export const SAMPLES = 'tests/fixtures/cfn-samples/';

/**
 * The StackImportError an import of `text` ends in; anything else (an import that succeeds, a raw
 * RangeError) fails the test. A hostile template that never ends is caught by the test's own timeout.
 */
export async function importRefusal(text: string): Promise<StackImportError> {
  const error = await importStack(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StackImportError);
  return error as StackImportError;
}

export function sampleText(name: string): string {
  return readFileSync(`${SAMPLES}${name}`, 'utf8');
}

export async function importSample(name: string, options: ImportOptions = {}): Promise<ImportedStack> {
  return importStack(sampleText(name), {
    cloud: { now: () => Date.parse('2026-06-01T12:00:00Z') },
    ...options,
  });
}

/** The decision of the caller (by label) for the first column whose action and resource match. */
export function decision(
  r: ImportedStack,
  callerLabel: string,
  action: string,
  resourceIncludes: string,
): 'allow' | 'deny' | 'conditional' {
  const caller = r.matrix.callers.find((c) => c.label === callerLabel);
  if (!caller)
    throw new Error(`no caller ${callerLabel}; have ${r.matrix.callers.map((c) => c.label).join(' | ')}`);
  const column = r.matrix.actions.find(
    (a) => a.action.toLowerCase() === action.toLowerCase() && a.resource.includes(resourceIncludes),
  );
  if (!column) throw new Error(`no column ${action} on …${resourceIncludes}…`);
  const cell = r.matrix.cells.find((c) => c.caller === caller.id && c.action === column.id);
  if (!cell) throw new Error('no cell');
  return cell.decision;
}

export const codes = (r: ImportedStack) => [...new Set(r.findings.map((f) => f.code))].sort();

/** Every resource of the template is either simulated or listed as a gap with its path (conditions aside). */
export function expectEveryResourceAccountedFor(
  r: ImportedStack,
  logicalIds: string[],
  conditionedOut: string[] = [],
): void {
  const built = new Set(r.resources.map((x) => x.logical));
  for (const id of logicalIds) {
    if (built.has(id) || conditionedOut.includes(id) || r.notCreated.includes(id)) continue;
    expect(
      r.unsupported.some((u) => u.path === `Resources.${id}` || u.path.startsWith(`Resources.${id}.`)),
      `resource ${id} is neither simulated nor listed`,
    ).toBe(true);
  }
  for (const u of r.unsupported) {
    expect(u.path).toMatch(/^(Resources|Parameters|Transform|Conditions|Outputs|Rules)/);
    expect(u.what.length).toBeGreaterThan(10);
  }
}

/**
 * A template's IAM role that an identity pool's users assume (trusted for pool `pool` with an optional
 * amr pattern), allowed `statements`: the shape the matrix tests import again and again.
 */
export const poolRole = (name: string, amr: string | undefined, statements: object[], pool = 'Ids') => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    RoleName: name,
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: pool } },
            ...(amr ? { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr } } : {}),
          },
        },
      ],
    },
    Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
  },
});

export type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** The credentials in an STS answer's XML (AssumeRole, AssumeRoleWithWebIdentity…). */
export function credentialsFromXml(xml: string): Creds {
  const pick = (tag: string) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml)?.[1] ?? '';
  return {
    accessKeyId: pick('AccessKeyId'),
    secretAccessKey: pick('SecretAccessKey'),
    sessionToken: pick('SessionToken'),
  };
}

/**
 * What the imported cloud answers to one request for `bucket`'s example.txt signed with `creds` at `now`
 * (GET after the PUT: the object must exist).
 */
export async function s3Status(
  r: ImportedStack,
  bucket: string,
  creds: Creds,
  method: 'GET' | 'PUT' | 'DELETE',
  now: number,
): Promise<number> {
  const body = method === 'PUT' ? 'hello' : '';
  const request = new Request(`https://${bucket}.s3.us-east-1.amazonaws.com/example.txt`, {
    method,
    headers: { 'x-amz-content-sha256': await sha256Hex(body) },
    body: method === 'PUT' ? body : undefined,
  });
  const signed = await signRequest(request, creds, { service: 's3', region: 'us-east-1', now });
  return (await r.cloud.fetch(signed)).status;
}
