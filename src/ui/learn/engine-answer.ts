import type { TraceEntry } from '../../player/create-player';
import { awsErrorCode, awsErrorMessage } from '../player/StepList';

/**
 * What the engine really answered to one played step, in the terms a Learn prediction is about: did it
 * succeed, with which error, which role came out, who the caller is, was the request signed. Read from
 * the recorded response and trace events only, so a chapter can never claim an outcome the engine did
 * not give.
 */
export interface EngineAnswer {
  succeeded: boolean;
  status?: number;
  /** AWS's error code (`AccessDenied`, `NotAuthorizedException` …), when the answer was a refusal. */
  code?: string;
  message?: string;
  /** The IAM role the credentials belong to: the identity pool's choice, or the STS session's role. */
  role?: string;
  /** Why the identity pool chose that role (its role-selection trace event). */
  roleReason?: string;
  /** The kind of principal an STS answer names. */
  caller?: CallerKind;
  /** Whether the request carried a SigV4 signature (header or query string). */
  signed: boolean;
}

export const CallerKind = {
  user: 'user',
  assumedRole: 'assumed-role',
  federatedUser: 'federated-user',
} as const;
export type CallerKind = (typeof CallerKind)[keyof typeof CallerKind];

/** `arn:aws:iam::1:role/path/Name` → `Name`. */
function roleNameOf(arn: string): string | undefined {
  return /:role\/(?:[^\s"<]*\/)?([\w+=,.@-]+)$/.exec(arn)?.[1];
}

interface RoleSelectionDetail {
  roleArn?: unknown;
  reason?: unknown;
}

/** The principal ARN an STS answer names (AssumedRoleUser, FederatedUser or GetCallerIdentity's Arn). */
function principalArn(body: string): string | undefined {
  return /<Arn>(arn:aws:(?:sts|iam)::\d{12}:[^<]+)<\/Arn>/.exec(body)?.[1];
}

function callerKindOf(arn: string): CallerKind | undefined {
  if (/^arn:aws:sts::\d{12}:assumed-role\//.test(arn)) return 'assumed-role';
  if (/^arn:aws:sts::\d{12}:federated-user\//.test(arn)) return 'federated-user';
  if (/^arn:aws:iam::\d{12}:user\//.test(arn)) return 'user';
  return undefined;
}

function isSigned(entry: TraceEntry): boolean {
  const request = entry.request;
  if (!request) return false;
  const header = request.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? '';
  return header.startsWith('AWS4-HMAC-SHA256') || /[?&]X-Amz-Signature=/i.test(request.url);
}

export function engineAnswer(entry: TraceEntry): EngineAnswer {
  const body = entry.response?.body ?? '';
  const succeeded = entry.outcome === 'success';
  const answer: EngineAnswer = { succeeded, status: entry.response?.status, signed: isSigned(entry) };
  if (!succeeded) {
    answer.code = awsErrorCode(entry);
    answer.message = awsErrorMessage(entry) ?? entry.note;
  }
  const selection = entry.events.find((e) => e.kind === 'role.selection')?.detail as
    | RoleSelectionDetail
    | undefined;
  if (succeeded && typeof selection?.roleArn === 'string') {
    answer.role = roleNameOf(selection.roleArn);
    if (typeof selection.reason === 'string') answer.roleReason = selection.reason;
  }
  const principal = succeeded ? principalArn(body) : undefined;
  if (principal) {
    answer.caller = callerKindOf(principal);
    const assumed = /:assumed-role\/([\w+=,.@-]+)\//.exec(principal)?.[1];
    if (assumed && !answer.role) answer.role = assumed;
  }
  return answer;
}
