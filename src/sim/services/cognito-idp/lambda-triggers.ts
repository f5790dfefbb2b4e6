import type { RequestContext } from '../../core/service';
import type { World } from '../../world';
import { idpErrors } from './errors';
import type { PreSignUpBehaviour, RejectBehaviour } from './lambda-trigger-types';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';

/**
 * Invokes the pool's simulated Lambda triggers with AWS's event JSON and applies the answer. The event
 * shape is the developer guide's "User pool Lambda trigger event" (version, triggerSource, region,
 * userPoolId, userName, callerContext {awsSdkVersion, clientId}, request, response) plus each
 * trigger's own request and response members. Every invocation is emitted as a `lambda.invoke` trace
 * event carrying the event Cognito sent and the response the function returned.
 *
 * A function that throws makes the API call fail with UserLambdaValidationException
 * "<Trigger> failed with error <message>." (observed: "PreSignUp failed with error …" in
 * aws-amplify/amplify-flutter PR #1051).
 */

/** `callerContext.awsSdkVersion` as published trigger events show it for calls from the public API. */
const AWS_SDK_VERSION = 'aws-sdk-unknown-unknown';

export type Emit = RequestContext['emit'];

export interface TriggerEvent {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/**
 * Who a trigger's event names as its caller: the app client, or for an Admin operation, which names none,
 * `CLIENT_ID_NOT_APPLICABLE` (observed in CustomMessage_AdminCreateUser events that developers have posted).
 */
export type TriggerCaller = Pick<AppClientRecord, 'clientId'>;
export const ADMIN_CALLER: TriggerCaller = { clientId: 'CLIENT_ID_NOT_APPLICABLE' };

export function triggerEvent(
  world: World,
  pool: PoolRecord,
  client: TriggerCaller,
  userName: string,
  triggerSource: string,
  request: Record<string, unknown>,
  response: Record<string, unknown>,
  version = '1',
): TriggerEvent {
  return {
    version,
    triggerSource,
    region: world.region,
    userPoolId: pool.id,
    userName,
    callerContext: { awsSdkVersion: AWS_SDK_VERSION, clientId: client.clientId },
    request,
    response,
  };
}

export const isReject = (b: unknown): b is RejectBehaviour =>
  typeof b === 'object' && b !== null && typeof (b as RejectBehaviour).reject === 'string';

/**
 * Runs one invocation: emits the event and the function's answer, and throws Cognito's refusal
 * when the configured behaviour is to fail.
 */
export function invoke(
  emit: Emit,
  trigger: string,
  event: TriggerEvent,
  behaviour: unknown,
  respond: () => Record<string, unknown>,
): Record<string, unknown> {
  if (isReject(behaviour)) {
    emit('lambda.invoke', `${trigger} Lambda threw "${behaviour.reject}"`, {
      trigger,
      event,
      error: { errorType: 'Error', errorMessage: behaviour.reject },
    });
    throw idpErrors.lambdaValidation(trigger, behaviour.reject);
  }
  const response = respond();
  emit('lambda.invoke', `${trigger} Lambda (${event.triggerSource}) answered`, {
    trigger,
    event,
    response: { ...event, response },
  });
  return response;
}

/** The user's attributes as trigger events carry them: all strings, with the user's status. */
export function eventAttributes(user: UserRecord): Record<string, string> {
  const out: Record<string, string> = { sub: user.sub };
  for (const [name, value] of Object.entries(user.attributes)) if (name !== 'sub') out[name] = value;
  out['cognito:user_status'] = user.status;
  return out;
}

const nameValueMap = (list: { Name: string; Value: string }[] | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.Name, a.Value]));

/** Pre sign-up (PreSignUp_SignUp): may auto-confirm the user and mark email / phone verified. */
export function runPreSignUp(
  ctx: RequestContext,
  pool: PoolRecord,
  client: AppClientRecord,
  username: string,
  attributes: { Name: string; Value: string }[],
  validationData: { Name: string; Value: string }[] | undefined,
  clientMetadata: Record<string, string> | undefined,
): { autoConfirmUser: boolean; autoVerifyEmail: boolean; autoVerifyPhone: boolean } | undefined {
  const behaviour: PreSignUpBehaviour | undefined = pool.lambdaTriggers?.preSignUp;
  if (!behaviour) return undefined;
  const event = triggerEvent(
    ctx.world,
    pool,
    client,
    username,
    'PreSignUp_SignUp',
    {
      userAttributes: nameValueMap(attributes),
      validationData: validationData ? nameValueMap(validationData) : null,
      ...(clientMetadata ? { clientMetadata } : {}),
    },
    { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  );
  const response = invoke(ctx.emit, 'PreSignUp', event, behaviour, () => ({
    autoConfirmUser: !isReject(behaviour) && behaviour.autoConfirmUser === true,
    autoVerifyEmail: !isReject(behaviour) && behaviour.autoVerifyEmail === true,
    autoVerifyPhone: !isReject(behaviour) && behaviour.autoVerifyPhone === true,
  }));
  return response as { autoConfirmUser: boolean; autoVerifyEmail: boolean; autoVerifyPhone: boolean };
}

/** Post confirmation, after ConfirmSignUp or ConfirmForgotPassword; its answer changes nothing. */
export function runPostConfirmation(
  ctx: RequestContext,
  pool: PoolRecord,
  client: TriggerCaller,
  user: UserRecord,
  triggerSource: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword',
  clientMetadata: Record<string, string> | undefined,
): void {
  const behaviour = pool.lambdaTriggers?.postConfirmation;
  if (!behaviour) return;
  const event = triggerEvent(
    ctx.world,
    pool,
    client,
    user.username,
    triggerSource,
    { userAttributes: eventAttributes(user), ...(clientMetadata ? { clientMetadata } : {}) },
    {},
  );
  invoke(ctx.emit, 'PostConfirmation', event, behaviour, () => ({}));
}

/** Pre authentication (PreAuthentication_Authentication): before the password is checked. */
export function runPreAuthentication(
  ctx: RequestContext,
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  clientMetadata: Record<string, string> | undefined,
): void {
  const behaviour = pool.lambdaTriggers?.preAuthentication;
  if (!behaviour) return;
  const event = triggerEvent(
    ctx.world,
    pool,
    client,
    user.username,
    'PreAuthentication_Authentication',
    {
      userAttributes: eventAttributes(user),
      userNotFound: false,
      ...(clientMetadata ? { validationData: clientMetadata } : {}),
    },
    {},
  );
  invoke(ctx.emit, 'PreAuthentication', event, behaviour, () => ({}));
}
