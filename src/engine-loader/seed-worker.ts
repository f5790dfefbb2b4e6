/**
 * Seeds a demo cloud off the main thread and hands back its snapshot (cloud-factory.ts restores it).
 * Seeding is the engine's one long piece of synchronous work (SRP verifiers are BigInt modular
 * exponentiations, the state's JSON round trip); here it never blocks the page's input or paint.
 */
import { createCloud } from '../sim/index';

export interface SeedRequest {
  id: number;
  seed?: string;
  region?: string;
  /** The run's name (CloudOptions.runSeed): part of the snapshot's random state, so seeded here too. */
  runSeed?: string;
  /** The simulation clock while seeding (it does not move during creation). */
  now: number;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SeedRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, seed, region, runSeed, now } = event.data;
  createCloud({ seed, region, runSeed, now: () => now }).then(
    (cloud) => scope.postMessage({ id, snapshot: cloud.snapshot() }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
