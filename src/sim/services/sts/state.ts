/**
 * STS's state as plain JSON: every temporary credential it has issued (the credential store for
 * `ASIA…` keys) and the SAML assertion ids already used (replay detection).
 */
import { createDict } from '../../core/dict';
import type { ContextKeys, NamedPolicy } from '../../iam/types';

/** What kind of session a temporary key belongs to (drives `Caller.kind` and the API restrictions). */
export type StsSessionKind = 'assumed-role' | 'federated-user' | 'iam-user';

export interface StsSession {
  accessKeyId: string;
  /** 40 characters. */
  secretAccessKey: string;
  /** Long, opaque; must be sent as `X-Amz-Security-Token` with every request. */
  sessionToken: string;
  /** Epoch ms. */
  issuedAt: number;
  /** Epoch ms. */
  expiration: number;
  kind: StsSessionKind;
  /** The STS operation that minted it (`AssumeRole`, `GetSessionToken` …). */
  source: string;
  /** As GetCallerIdentity reports it. */
  arn: string;
  /** `aws:userid`. */
  userId: string;
  /** Role sessions: the role whose policies apply (resolved from IAM state at request time). */
  roleName?: string;
  roleArn?: string;
  sessionName?: string;
  /** GetSessionToken / GetFederationToken: the IAM user whose policies apply. */
  userName?: string;
  userArn?: string;
  /** Session policies (inline `Policy` + `PolicyArns`) given when the session was made; their documents are copied in. */
  sessionPolicies: NamedPolicy[];
  /** Context keys the session carries (`aws:FederatedProvider`, web identity / SAML keys, `aws:SourceIdentity` …). */
  context: ContextKeys;
  /** Epoch ms of the MFA check, when MFA was presented to STS (or inherited through a chain). */
  mfaAuthenticatedAt?: number;
  sourceIdentity?: string;
  /** Session tags (`aws:PrincipalTag/<key>`), with their case, and the keys a chained role inherits. */
  sessionTags?: { tags: Record<string, string>; transitiveTagKeys: string[] };
}

export interface StsState {
  /** Keyed by access key id (`ASIA…`). */
  sessions: Record<string, StsSession>;
  /** SAML assertion ids already exchanged, with the assertion's NotOnOrAfter (epoch ms). */
  usedSamlAssertions: Record<string, number>;
}

export function createStsState(): StsState {
  return { sessions: createDict(), usedSamlAssertions: createDict() };
}
