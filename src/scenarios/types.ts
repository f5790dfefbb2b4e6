import type { Demo } from '../sim/index';
import type { AwsCredentials } from '../wire/credentials';

/**
 * A scenario is data: which actors take part, and the steps between them. Each step's `run` makes at
 * most ONE request through `ctx.fetch` (a few steps happen off the AWS wire, like typing a password at
 * Google's sign-in page, and say so with `offWire`). The player replays steps from the start to seek.
 */

/** Every box the diagram can draw. Positions live in the UI layer (build-graph). */
export const ActorId = {
  app: 'app',
  userPool: 'userPool',
  google: 'google',
  saml: 'saml',
  identityPool: 'identityPool',
  sts: 'sts',
  iam: 'iam',
  s3: 's3',
  apiGateway: 'apiGateway',
  ssm: 'ssm',
  sync: 'sync',
  appsync: 'appsync',
  developer: 'developer',
  broker: 'broker',
} as const;
export type ActorId = (typeof ActorId)[keyof typeof ActorId];

/** Who is signing in: picks the flow. */
export const Identity = {
  guest: 'guest',
  userPool: 'userPool',
  google: 'google',
  saml: 'saml',
  iamUser: 'iamUser',
  /** An app client acting for itself with its secret (client credentials): no person signs in. */
  machine: 'machine',
} as const;
export type Identity = (typeof Identity)[keyof typeof Identity];

/** What travels along an edge; the UI maps each to a colour and label. */
export const PacketKind = {
  password: 'password',
  jwt: 'jwt',
  idpToken: 'idpToken',
  samlAssertion: 'samlAssertion',
  identityId: 'identityId',
  openIdToken: 'openIdToken',
  credentials: 'credentials',
  signedRequest: 'signedRequest',
  data: 'data',
  denied: 'denied',
} as const;
export type PacketKind = (typeof PacketKind)[keyof typeof PacketKind];

/** Values that earlier steps hand to later ones, as an app would keep them in memory. */
export interface ScenarioVars {
  idToken?: string;
  accessToken?: string;
  refreshToken?: string;
  googleIdToken?: string;
  samlResponse?: string;
  identityId?: string;
  openIdToken?: string;
  credentials?: AwsCredentials;
  /** Extra named values a scenario keeps (a second identity, a tampered token …). */
  extra: Record<string, string>;
}

/** The values of a run that a box can hold (the player records them after each step). */
export type HeldValues = Omit<ScenarioVars, 'extra'>;

export interface StepContext {
  fetch(request: Request): Promise<Response>;
  demo: Demo;
  region: string;
  vars: ScenarioVars;
  /** The simulation clock (epoch ms). */
  now(): number;
  /** Signs with SigV4 for `service` when a signer and credentials exist; otherwise sends it unsigned. */
  sign(request: Request, credentials: AwsCredentials | undefined, service: string): Promise<Request>;
  /** Stops the step with a clear reason when an input from an earlier step is missing. */
  need<T>(value: T | undefined | null, what: string): T;
}

export interface Narration {
  /** What happens, in plain words. */
  what: string;
  /** Why it is done this way. */
  why: string;
  /** The common misunderstanding this step clears up (docs/aws-reference.md §11), when there is one. */
  misunderstanding?: string;
}

/** The same call as a reader would make it against real AWS. */
export interface StepCode {
  sdk: string;
  cli?: string;
}

export interface ScenarioStep {
  id: string;
  /** The number on the diagram: `1`, `1.5`, `2`, `2.5`, `3` … */
  label: string;
  title: string;
  from: ActorId;
  to: ActorId;
  /** What travels on the request leg (from → to). */
  packet: PacketKind;
  /**
   * What the request carries, in the reader's words, where the packet kind and operation would name it
   * wrongly: the access token on a method that also takes the ID token, the ID token where an access
   * token belongs (diagram packet-words.ts).
   */
  sends?: string;
  /** What a successful answer carries, in the reader's words, where `returns` would name it wrongly. */
  receives?: string;
  /** What comes back on a successful answer (to → from); a failed answer always shows as `denied`. */
  returns: PacketKind;
  /** Services `to` consults inside AWS for this call (e.g. the identity pool calls STS, which asks IAM). */
  via?: ActorId[];
  /** The AWS operation (for the inspector title), e.g. `InitiateAuth`. */
  operation: string;
  /** Moves the simulation clock forward before this step runs (what-if: let tokens expire). */
  advanceClockMs?: number;
  /** Set when the step happens off the AWS wire (an IdP's sign-in page): no request is recorded. */
  offWire?: string;
  /** What a learner should expect: success, or the denial this step demonstrates. */
  expect: 'success' | 'denied';
  /**
   * For a `denied` step: the text the engine's refusal contains (AWS's error code and/or message), so
   * tests and the UI can check that the step really fails the way the narration says.
   */
  refusal?: string;
  narration: Narration;
  /** Built from the demo world so the ids match what the reader sees. */
  code(demo: Demo): StepCode;
  run(ctx: StepContext): Promise<void>;
}

/** Someone who signs in, or signs requests with IAM keys, in a scenario. */
export interface Person {
  identity: Identity;
  /** As the narration names them: "Alice", "the attacker". */
  name: string;
}

export interface Scenario {
  id: string;
  title: string;
  /** One sentence for the picker. */
  summary: string;
  group: 'flows' | 'sts' | 'what-if' | 'attacks' | 'sign-out';
  /** Who signs in; with several people, the one the scenario is about (a link's `as` names it). */
  identity: Identity;
  /**
   * Everyone who signs in or signs requests, in the order they first act, when that is more than one
   * person (Alice signs in at the user pool, then an attacker takes a guest identity). Absent: one person.
   */
  people?: readonly Person[];
  actors: ActorId[];
  /**
   * A box that plays another part in this scenario than its usual one (the developer's machine as a
   * laptop holding only handed-out keys): its name, short kind, full description and explanation.
   */
  actorRoles?: Partial<Record<ActorId, { label: string; kind: string; about: string; what: string }>>;
  /**
   * Values of the run that stay with one box and are never handed to another (a backend's role
   * credentials, which the browser app never sees): any other box leaves them out of what it shows it
   * holds. Without it the run's values pass from box to box, as a server hands keys to a laptop.
   */
  keptBy?: Partial<Record<keyof HeldValues, ActorId>>;
  steps: ScenarioStep[];
}

/** What `actor` holds of the run's values: all of them, less those the scenario keeps with another box. */
export function heldBy(
  scenario: Pick<Scenario, 'keptBy'>,
  actor: ActorId,
  held: HeldValues | undefined,
): HeldValues {
  const kept = scenario.keptBy;
  if (!held || !kept) return held ?? {};
  return Object.fromEntries(
    Object.entries(held).filter(([key]) => (kept[key as keyof HeldValues] ?? actor) === actor),
  );
}

/** The people of a scenario: its `people`, or the one person who signs in as its `identity`. */
export function peopleOf(scenario: Pick<Scenario, 'identity' | 'people'>): readonly Person[] {
  return scenario.people ?? [{ identity: scenario.identity, name: '' }];
}

/** Thrown by `ctx.need` when a step cannot be sent because an earlier one produced nothing. */
export class StepBlocked extends Error {
  override name = 'StepBlocked';
}
