import type { DemoData, Player, TraceEntry } from '../player/create-player';
import type { WorldFacts } from '../player/world-facts';
import type { ClockJump } from '../player/timeline';
import type { ActorId, Identity, Scenario } from '../scenarios/types';
import type { Cloud } from '../sim/index';
import type { ConflictResolution, SyncConflict } from '../sync/types';
import type { AppSyncLab } from './labs/appsync-lab';
import type { ConflictRetry, SyncLab } from './labs/sync-lab';
import type { LabAction, UserPoolLab } from './labs/user-pool-lab';
import type { Playhead } from './playhead';

export const PlayStatus = {
  idle: 'idle',
  playing: 'playing',
  stepping: 'stepping',
  paused: 'paused',
  done: 'done',
} as const;
export type PlayStatus = (typeof PlayStatus)[keyof typeof PlayStatus];

export const View = {
  flow: 'flow',
  sts: 'sts',
  signOut: 'sign-out',
  sync: 'sync',
  appsync: 'appsync',
  signUp: 'signup',
  stack: 'stack',
  learn: 'learn',
} as const;
export type View = (typeof View)[keyof typeof View];

export const InspectorTab = {
  narration: 'narration',
  wire: 'wire',
  jwt: 'jwt',
  credentials: 'credentials',
  iam: 'iam',
  sigv4: 'sigv4',
  code: 'code',
  component: 'component',
} as const;
export type InspectorTab = (typeof InspectorTab)[keyof typeof InspectorTab];

/** Controls a view may ask to focus once they are on screen (see `ViewSlice.focusRequest`). */
export const FocusTarget = { scenarioPicker: 'scenario-picker' } as const;
export type FocusTarget = (typeof FocusTarget)[keyof typeof FocusTarget];

export const Arrival = { sending: 'sending', answering: 'answering', landed: 'landed' } as const;
export type Arrival = (typeof Arrival)[keyof typeof Arrival];

export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface ScenarioSlice {
  scenarioId: string;
  identity: Identity;
  /** Opens a scenario at a step; `clockJumps` replays the reader's clock moves (from a link). */
  selectScenario(id: string, step?: number, clockJumps?: readonly ClockJump[]): void;
  /** Opens a scenario in the Flows view (from another view: the STS gallery, the Learn path). */
  openScenario(id: string, step?: number): void;
  selectIdentity(identity: Exclude<Identity, 'iamUser' | 'machine'>): void;
  /** Opens a scenario at step 0 with playback held before the step at index `gate` (Learn chapters). */
  startGated(scenarioId: string, gate: number): void;
}

export interface PlayerSlice {
  position: number;
  entries: TraceEntry[];
  busy: boolean;
  clock: number;
  /** The reader's clock moves (credential buttons) in effect, by position; part of the URL. */
  clockJumps: readonly ClockJump[];
  playerError?: string;
  demo?: DemoData;
  /** Roles, policies and role mappings of the scenario's demo world (from the engine's state). */
  world?: WorldFacts;
  status: PlayStatus;
  speed: number;
  /**
   * Off (the default): playback stops after each step's answer lands and waits for the reader (Next,
   * Space or Play). On: it moves on by itself after a reading time paced by the step's narration.
   */
  autoAdvance: boolean;
  /**
   * Where the current step's packet is: 'sending' before it reaches the service, 'answering' on its way
   * back, 'landed' once the answer is home. Boxes change state on arrival (build-graph reads this).
   */
  arrival: Arrival;
  /**
   * Animation progress of the latest step, 0…1 (drives the packet). Not state: it changes every frame,
   * so it has its own subscription (see playhead.ts). The object itself never changes.
   */
  playhead: Playhead;
  /**
   * The Learn path's hold: playback and stepping stop at this position (before the step at this index)
   * until the reader answers the chapter's question and `releaseGate` plays the step. Any new scenario
   * or view clears it.
   */
  gate?: number;
  /** Lifts the hold and plays the held step. */
  releaseGate(): Promise<void>;
  play(): void;
  pause(): void;
  stepForward(): Promise<void>;
  stepBack(): Promise<void>;
  restart(): Promise<void>;
  seek(position: number): Promise<void>;
  setSpeed(speed: number): void;
  setAutoAdvance(on: boolean): void;
  advanceClock(ms: number): Promise<void>;
  /** Advances the playhead by wall-clock milliseconds (called by the UI's animation frame loop). */
  tick(elapsedMs: number): void;
}

export interface InspectorSlice {
  tab: InspectorTab;
  revealSecrets: boolean;
  /** The diagram box the reader clicked, explained in the Component tab. */
  selectedActor?: ActorId;
  selectActor(actor: ActorId): void;
  setTab(tab: InspectorTab): void;
  toggleSecrets(): void;
}

export interface ViewSlice {
  view: View;
  /** The Learn chapter open (absent: the chapter list); only meaningful in the Learn view. */
  chapterId?: string;
  /**
   * A one-shot hand-off of the keyboard focus across a view change: the view that is left asks, and the
   * named control focuses itself once it is on screen, then clears the request. A view change the
   * reader makes (`setView`, `openChapter`) drops a request nobody took.
   */
  focusRequest?: FocusTarget;
  setView(view: View): void;
  /** Opens the Learn view at a chapter (or its chapter list); a history entry like any view change. */
  openChapter(chapterId?: string): void;
  requestFocus(target: FocusTarget): void;
  /** Called by the control that took the focus: clears the request if it is still for `target`. */
  focusTaken(target: FocusTarget): void;
}

/** Where the AppSync guided scenario is: steps run, a step running, the last step's failure. */
export interface GuidedProgress {
  done: number;
  busy: boolean;
  problem?: string;
}

/**
 * The Sync, AppSync and sign-up labs. Their models (clouds, devices, clients) live in the closure
 * that builds this slice, never in state; state holds what the views re-render on.
 */
export interface LabsSlice {
  /** Bumped whenever something inside the Sync lab changed (devices, records, timeline). */
  syncRevision: number;
  /** Bumped whenever something inside the AppSync lab changed (lists, outboxes, timeline, verdicts). */
  appSyncRevision: number;
  /**
   * A Cognito Sync conflict waiting for the reader's choice, from the device that synchronized; `retry`
   * when the sync had started its round over before asking (the dialog says why).
   */
  syncConflict?: { device: string; conflicts: SyncConflict[]; retry?: ConflictRetry };
  appSyncGuided: GuidedProgress;
  /** The Cognito Sync lab (created on first call, then kept for the tab's life). */
  openSyncLab(): Promise<SyncLab>;
  /** The reader's answer to `syncConflict`: resolutions, or false to leave the conflict for later. */
  answerSyncConflict(answer: ConflictResolution[] | false): void;
  /** The AppSync lab (created on first call, then kept for the tab's life). */
  openAppSyncLab(): Promise<AppSyncLab>;
  runAppSyncGuidedStep(): Promise<void>;
  /**
   * Starts the guided scenario again from a clean screen: a conflict left waiting is settled (the
   * server's version kept), both devices go online and empty their outboxes, and the last run's
   * verdicts and live messages are cleared.
   */
  restartAppSyncGuided(): Promise<void>;
  /** A fresh user pool lab on its own cloud (the Sign-up view; "Start over" asks for another). */
  /** A fresh user pool lab, or one rebuilt from an earlier lab's actions (a reload keeps the lab). */
  openUserPoolLab(replay?: readonly LabAction[]): Promise<UserPoolLab>;
}

/** Engine access for views that need more than the Flows player: each goes through the store's factory. */
export interface EngineSlice {
  /** A player of its own for `scenario` (its own cloud), for tables that show every result at once. */
  createScenarioRun(scenario: Scenario): Player;
  /** The engine module's exported definitions (the STS gallery's facts), loading the engine if needed. */
  loadEngineDefinitions(): Promise<Record<string, unknown>>;
  /** Reads a public URL (a JWKS) from a cloud kept for that alone; see engine-loader/verifier-cloud.ts. */
  fetchPublicKeys(url: string): Promise<Response>;
  /** A fresh demo world (the stack view exports it as a template). */
  createDemoCloud(): Promise<Cloud>;
}

export type AppState = ScenarioSlice & PlayerSlice & InspectorSlice & ViewSlice & LabsSlice & EngineSlice;
