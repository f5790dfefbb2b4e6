/** Plain, JSON-serialisable state of the simulated SSM Parameter Store. */
import { createDict } from '../../core/dict';
export interface SsmParameter {
  name: string;
  type: 'String' | 'StringList' | 'SecureString';
  value: string;
  version: number;
  /** Epoch ms. */
  lastModifiedDate: number;
  dataType: 'text';
}

export interface SsmState {
  /** Keyed by parameter name (e.g. `/atlas/public/greeting`). */
  parameters: Record<string, SsmParameter>;
}

export function createSsmState(): SsmState {
  return { parameters: createDict() };
}

/** `arn:aws:ssm:<region>:<acct>:parameter/<name without its leading slash>` (SSM API reference, Parameter.ARN). */
export const parameterArn = (region: string, accountId: string, name: string): string =>
  `arn:aws:ssm:${region}:${accountId}:parameter/${name.replace(/^\//, '')}`;
