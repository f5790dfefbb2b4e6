/**
 * Your own stack: a CloudFormation template imported into a simulated cloud, with who can do what
 * (the access matrix), what a reviewer would flag (findings) and what is not simulated (gaps).
 * Pure TypeScript beside the engine, which it reaches only through `src/sim/index.ts`.
 */
import { type Cloud, type CloudOptions, createCloud } from '../sim/index';
import type { StackState } from './build-context';
import { buildWorld } from './build-world';
import { definedResources } from './defined-resources';
import { type Finding, reviewStack } from './findings';
import { type AccessMatrix, computeMatrix, type MatrixModel } from './matrix';
import { parseTemplate } from './parse';
import type { Need } from './resolve';

export { CALLER_CAP } from './callers';
export { StackImportError } from './errors';
export { exportStack } from './export';
export type { Finding } from './findings';
export type { AccessMatrix, MatrixLimit, MatrixModel } from './matrix';
export { CELL_BUDGET } from './matrix';
export { filterMatrix, type MatrixFilter, NO_FILTER } from './matrix-filter';
export type { Need } from './resolve';

export interface ImportOptions {
  /** Parameter values by name; `ImportValue:<export name>` keys answer `Fn::ImportValue`. */
  parameters?: Record<string, string>;
  region?: string;
  /** The account the stack is deployed to (AWS::AccountId). Default 123456789012. */
  accountId?: string;
  /** AWS::StackName. Default "my-stack". */
  stackName?: string;
  /** Passed to createCloud (clock, seed, keys). */
  cloud?: Pick<CloudOptions, 'now' | 'seed' | 'keys'>;
}

export interface Unsupported {
  path: string;
  what: string;
}

export interface ImportedStack {
  cloud: Cloud;
  region: string;
  accountId: string;
  matrix: AccessMatrix;
  findings: Finding[];
  unsupported: Unsupported[];
  /** Parameters (and imports) that have no value yet: give them in `parameters` and import again. */
  needs: Need[];
  /** The request and evaluation behind one matrix cell, for the IAM trace. */
  explain: MatrixModel['explain'];
  /**
   * The matrix without its caps: every caller against every column. Computed when first asked (it can
   * be tens of thousands of evaluations, which the import does not pay for), then kept.
   */
  uncapped(): MatrixModel;
  /** Resources built, by logical id → type (for the diagram). */
  resources: { logical: string; type: string; ref: string }[];
  state: StackState;
  /** SAML provider ARN → the entity id of its metadata (the reader's IdP), for the SAML play. */
  samlEntityIds: Record<string, string>;
  /** Entity key (`role:<name>`, `pool:<id>`, `bucket:<name>` …) → template path, for the diagram. */
  origins: Record<string, string>;
  /** Logical ids of resources whose Condition is false (not created, as in a deployment). */
  notCreated: string[];
}

export async function importStack(text: string, options: ImportOptions = {}): Promise<ImportedStack> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const now = options.cloud?.now?.() ?? Date.now();
  const template = await parseTemplate(text);
  const built = buildWorld(template, {
    region,
    accountId,
    stackName: options.stackName ?? 'my-stack',
    parameters: options.parameters ?? {},
    now,
  });
  const tables = built.resources.filter((r) => r.type === 'AWS::DynamoDB::Table').map((r) => r.ref);
  const defined = definedResources(built.named, region, accountId);
  const view = { state: built.state, accountId, region, now, tables, defined };
  const model = computeMatrix(view);
  let uncapped: MatrixModel | undefined;
  const findings = reviewStack(view, built, model, template.duplicates);
  const cloud = await createCloud({ ...options.cloud, region, world: { accountId, state: built.state } });
  const unsupported: Unsupported[] = [
    ...built.needs.map((n) => ({
      path: n.path,
      what: `${n.kind === 'import' ? 'Fn::ImportValue' : 'Parameter'} ${n.name} needs a value${n.description ? ` (${n.description})` : ''}; a placeholder is used`,
    })),
    ...built.gaps,
  ];
  return {
    cloud,
    region,
    accountId,
    matrix: model.matrix,
    findings,
    unsupported,
    needs: built.needs,
    explain: model.explain,
    // The cloud works on its own copy of the state (createCloud parses it), so `view` stays as imported.
    uncapped: () => {
      uncapped ??= computeMatrix(view, {
        callers: Number.POSITIVE_INFINITY,
        columns: Number.POSITIVE_INFINITY,
      });
      return uncapped;
    },
    resources: built.resources.map((r) => ({ logical: r.logical, type: r.type, ref: r.ref })),
    state: built.state,
    notCreated: built.notCreated,
    samlEntityIds: Object.fromEntries(built.samlEntityIds),
    origins: Object.fromEntries(built.origins),
  };
}

/** The access matrix of any cloud (the demo world included), from its snapshot. */
export function matrixOfCloud(cloud: Cloud): MatrixModel {
  const snap = cloud.snapshot();
  const state = JSON.parse(snap.state) as StackState;
  return computeMatrix({ state, accountId: snap.ids.accountId, region: snap.region });
}
