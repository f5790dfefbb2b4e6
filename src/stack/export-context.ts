import type { StackState } from './build-context';
import type { RefTable } from './export-refs';

/** What each exporter (IAM, Cognito, services) writes into while one template is built. */
export interface ExportContext {
  state: StackState;
  accountId: string;
  region: string;
  resources: Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;
  refs: RefTable;
  taken: Set<string>;
  id(prefix: string, name: string): string;
}
