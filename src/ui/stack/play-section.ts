import type { ImportedStack } from '../../stack/index';
import type { PlayResult } from '../../stack/play';

/** Starts one played flow under a title; the play panel shows its calls when it ends. */
export type Run = (title: string, play: () => Promise<PlayResult>) => void;

/** What each section of the play panel (federated, hosted, machine) is given. */
export interface PlaySectionProps {
  stack: ImportedStack;
  region: string;
  /** A flow is running: the section's buttons wait. */
  busy: boolean;
  run: Run;
}
