import type { GraphqlReply } from './operations';

/** What every processor gets from the client besides the shared state. */
export interface ProcessorContext {
  /** One GraphQL request with the client's auth. */
  query(document: string, variables: Record<string, unknown>): Promise<GraphqlReply>;
  /** Runs network work; a network failure means "offline", a refusal "error", never a crash. `false` when it did not finish. */
  guarded(state: 'syncing' | 'sending', work: () => Promise<void>): Promise<boolean>;
  /** The device's online switch (true without one). */
  online(): boolean;
  now(): number;
}
