import type { StackState } from './build-context';
import type { DefinedResource } from './defined-resources';

/** What the matrix and the findings read: a stack's state, its account and region, and the instant. */
export interface WorldView {
  state: StackState;
  accountId: string;
  region: string;
  /** The instant the matrix answers at (aws:CurrentTime …), epoch ms; the wall clock when absent. */
  now?: number;
  /** DynamoDB table names the stack defines: tables are not simulated, so `state` has none. */
  tables?: string[];
  /** The queues, topics, functions and keys the stack defines (not simulated either), by ARN. */
  defined?: DefinedResource[];
}
