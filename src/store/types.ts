import type { DemoData, TraceEntry } from '../player/create-player';
import type { WorldFacts } from '../player/world-facts';
import type { ClockJump } from '../player/timeline';
import type { ActorId, Identity } from '../scenarios/types';
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
  selectIdentity(identity: Exclude<Identity, 'iamUser'>): void;
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
  setView(view: View): void;
}

export type AppState = ScenarioSlice & PlayerSlice & InspectorSlice & ViewSlice;
