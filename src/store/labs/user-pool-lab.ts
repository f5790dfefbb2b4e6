import type { TraceEntry } from '../../player/create-player';
import { SIMULATION_START, STEP_GAP_MS } from '../../player/timeline';
import { captureRequest, captureResponse, requestIdOf } from '../../player/wire';
import type { Cloud, CloudOptions, TraceEvent, UserPoolSignIn, UserPoolTriggers } from '../../sim/index';
import { jsonRequest } from '../../wire/aws-requests';

/**
 * The model behind the "Sign up" view, free of React: one fresh simulated cloud, and raw AWS JSON 1.1
 * calls to its user pool exactly as a browser app without the SDK would send them. The clock starts at
 * the explainer's fixed instant and moves a little per call, so codes and tokens carry sensible times.
 */

export type InboxMessage = ReturnType<Cloud['demo']['userPool']['inbox']>[number];

export interface AwsFailure {
  code: string;
  message: string;
}

export interface LabCall {
  /** Order of the call in this session, from 1. */
  id: number;
  operation: string;
  /** The request and response as they crossed cloud.fetch, in the shape the inspector's wire panel reads. */
  entry: TraceEntry;
  /** The parsed JSON body of a success. */
  body?: Record<string, unknown>;
  error?: AwsFailure;
}

/**
 * What the reader did to the lab, in order. The cloud is deterministic under the lab's clock and seed,
 * so the same actions on a fresh cloud build the same pool (users, codes, tokens): that is how a
 * reload keeps the lab (SignUpView saves them for the tab's session).
 */
export type LabAction =
  | { kind: 'call'; operation: string; body: Record<string, unknown> }
  | { kind: 'triggers'; config: UserPoolTriggers }
  | { kind: 'signIn'; mode: UserPoolSignIn };

/** The operations the Sign up view sends: the only ones a saved session may replay. */
export const LAB_OPERATIONS = [
  'SignUp',
  'ConfirmSignUp',
  'ResendConfirmationCode',
  'InitiateAuth',
  'GetUser',
  'UpdateUserAttributes',
  'VerifyUserAttribute',
  'GetUserAttributeVerificationCode',
  'GlobalSignOut',
  'ForgotPassword',
  'ConfirmForgotPassword',
  'ChangePassword',
  'DeleteUser',
] as const;

export interface UserPoolLab {
  region: string;
  poolId: string;
  clientId: string;
  call(operation: string, body: Record<string, unknown>): Promise<LabCall>;
  /** Every call and trigger change so far, in order (what a replay needs). */
  actions(): LabAction[];
  /** The calls a replay made (see startUserPoolLab), in order; empty for a fresh lab. */
  replayed: LabCall[];
  /** Messages the pool sent since this lab started (the seeded demo users' mail is left out). */
  inbox(): InboxMessage[];
  /** The pool's simulated Lambda triggers (what an administrator sets in the console). */
  setTriggers(config: UserPoolTriggers): void;
  getTriggers(): UserPoolTriggers;
  /** How the pool's users sign in (username, email as username, username or email alias). */
  setSignIn(mode: UserPoolSignIn): void;
  getSignIn(): UserPoolSignIn;
}

/** `__type` is "CodeMismatchException" or, from some services, "prefix#Code"; the message key varies in case. */
export function parseFailure(text: string, status: number): AwsFailure {
  try {
    const json = JSON.parse(text) as { __type?: string; message?: string; Message?: string };
    const code = json.__type?.split('#').pop()?.split(':')[0] ?? `HTTP ${status}`;
    return { code, message: json.message ?? json.Message ?? '' };
  } catch {
    return { code: `HTTP ${status}`, message: text.slice(0, 300) };
  }
}

/** Reason phrases for the wire view; the engine's Response leaves statusText empty, as HTTP/2 does. */
const REASON: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  500: 'Internal Server Error',
};

/**
 * A saved lab's actions did not run again on a fresh cloud (startUserPoolLab's `replay`). Told apart
 * from a cloud that could not be made (the engine's code did not load, say): that session is still
 * good and worth keeping for another try, while one that fails to replay never will.
 */
export class LabReplayError extends Error {
  override name = 'LabReplayError';
  constructor(
    readonly at: number,
    cause: unknown,
  ) {
    super(
      `action ${at + 1} of the saved lab did not replay: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
  }
}

/**
 * `createCloud` is the store's engine factory (the lazy loader in the app, the engine itself in tests).
 * `replay`: the actions of an earlier lab, run again in order on the fresh cloud before it is handed
 * over (their calls are in `replayed`).
 */
export async function startUserPoolLab(
  createCloud: (options: CloudOptions) => Promise<Cloud>,
  replay: readonly LabAction[] = [],
): Promise<UserPoolLab> {
  let clock = SIMULATION_START;
  const cloud = await createCloud({ now: () => clock });
  const { region } = cloud.demo;
  const { id: poolId, clientId } = cloud.demo.userPool;
  const seeded = cloud.demo.userPool.inbox().length;
  let count = 0;
  const done: LabAction[] = [];
  const lab: UserPoolLab = {
    region,
    poolId,
    clientId,
    replayed: [],
    actions: () => [...done],
    inbox: () => cloud.demo.userPool.inbox().slice(seeded),
    setTriggers: (config) => {
      cloud.demo.userPool.setTriggers(config);
      done.push({ kind: 'triggers', config });
    },
    getTriggers: () => cloud.demo.userPool.getTriggers(),
    setSignIn: (mode) => {
      cloud.demo.userPool.setSignIn(mode);
      done.push({ kind: 'signIn', mode });
    },
    getSignIn: () => cloud.demo.userPool.getSignIn(),
    async call(operation, body) {
      done.push({ kind: 'call', operation, body });
      clock += STEP_GAP_MS;
      count += 1;
      const request = jsonRequest(region, 'cognito-idp', operation, body);
      const wireRequest = await captureRequest(request);
      // The engine's explanation events of this call (Lambda invocations among them) go with its wire.
      const events: TraceEvent[] = [];
      const stop = cloud.subscribe((event) => events.push(event));
      let response: Response;
      try {
        response = await cloud.fetch(request);
      } finally {
        stop();
      }
      const captured = await captureResponse(response);
      const wireResponse = { ...captured, statusText: captured.statusText || REASON[captured.status] || '' };
      const entry: TraceEntry = {
        index: count - 1,
        stepId: operation,
        at: clock,
        outcome: response.ok ? 'success' : 'aws-error',
        request: wireRequest,
        response: wireResponse,
        requestId: requestIdOf(wireResponse),
        events,
        held: {},
      };
      if (!response.ok) {
        return { id: count, operation, entry, error: parseFailure(wireResponse.body, response.status) };
      }
      let parsed: Record<string, unknown> = {};
      try {
        parsed = wireResponse.body ? (JSON.parse(wireResponse.body) as Record<string, unknown>) : {};
      } catch {
        /* an empty or non-JSON success body carries nothing the view needs */
      }
      return { id: count, operation, entry, body: parsed };
    },
  };
  for (const [at, action] of replay.entries()) {
    try {
      if (action.kind === 'triggers') lab.setTriggers(action.config);
      else if (action.kind === 'signIn') lab.setSignIn(action.mode);
      else lab.replayed.push(await lab.call(action.operation, action.body));
    } catch (error) {
      throw new LabReplayError(at, error);
    }
  }
  return lab;
}
