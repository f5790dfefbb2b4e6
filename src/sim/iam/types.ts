/**
 * The IAM policy language and the evaluator's contract. Every service that authorises a request
 * (STS trust policies, S3, API Gateway AWS_IAM, SSM, Cognito Sync …) builds an AuthorizationRequest
 * and calls `evaluate` from `iam/evaluate.ts`. The result carries a trace the UI renders.
 * Reference: IAM User Guide, "Policy evaluation logic" and "IAM JSON policy elements".
 */

export type PolicyValue = string | string[];
export type ConditionValue = string | number | boolean | (string | number | boolean)[];

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, PolicyValue>;
  NotPrincipal?: '*' | Record<string, PolicyValue>;
  Action?: PolicyValue;
  NotAction?: PolicyValue;
  Resource?: PolicyValue;
  NotResource?: PolicyValue;
  /** operator (e.g. `StringEquals`, `ForAnyValue:StringLike`, `DateLessThanIfExists`) → key → value(s) */
  Condition?: Record<string, Record<string, ConditionValue>>;
}

export interface PolicyDocument {
  Version?: '2012-10-17' | '2008-10-17';
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

/** Where a policy sits in the evaluation. */
export type PolicyLayer = 'identity' | 'resource' | 'trust' | 'boundary' | 'session';

export interface NamedPolicy {
  /** Human name: the managed policy name, `inline:<name>`, `bucket policy`, `session policy (inline)` … */
  name: string;
  /** ARN for managed policies and resources that have one. */
  arn?: string;
  document: PolicyDocument;
}

/** The request context keys: `aws:*`, `cognito-identity.amazonaws.com:*`, `s3:prefix`, `sts:ExternalId` … */
export type ContextKeys = Record<string, string | string[] | undefined>;

/** Who is asking, as a resource-based or trust policy's `Principal` element sees it. */
export interface RequestPrincipal {
  /** `AWS` for IAM principals, `Federated` for web identity / SAML, `Service` for AWS services. */
  type: 'AWS' | 'Federated' | 'Service' | 'Anonymous';
  /**
   * Values the `Principal` element can match. For an assumed-role session both the session ARN
   * and the role ARN; for `AWS` principals also the account ARN form `arn:aws:iam::<acct>:root`
   * and the bare account id. For Federated: `cognito-identity.amazonaws.com`, `accounts.google.com`,
   * a SAML provider ARN.
   */
  identifiers: string[];
  /** Account the principal belongs to (absent for Federated / Anonymous). */
  accountId?: string;
}

export interface AuthorizationRequest {
  /** e.g. `s3:GetObject`; matched case-insensitively as IAM does. */
  action: string;
  /** The resource ARN; `*` for actions without a resource. */
  resource: string;
  principal: RequestPrincipal;
  /** Account that owns the resource (for the same-account rule of resource policies). */
  resourceAccountId?: string;
  context: ContextKeys;
  identityPolicies: NamedPolicy[];
  /** Bucket policy, role trust policy … */
  resourcePolicy?: NamedPolicy & { layer?: 'resource' | 'trust' };
  permissionsBoundary?: NamedPolicy;
  /**
   * Session policies passed to the STS call that made the session (inline `Policy` and `PolicyArns`).
   * Together they form the session's ceiling: an action is inside it when any of them allows it.
   * An empty list means "no session policy" (no ceiling), not "deny everything".
   */
  sessionPolicies?: NamedPolicy[];
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface ConditionTrace {
  operator: string;
  key: string;
  /** Policy values after policy-variable substitution. */
  expected: string[];
  /** Request context value(s) for the key; undefined when the key is absent. */
  actual: string[] | undefined;
  matched: boolean;
}

export interface StatementTrace {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  actionMatched: boolean;
  resourceMatched: boolean;
  principalMatched?: boolean;
  conditions: ConditionTrace[];
  /** True when the statement applies to this request (everything matched). */
  applies: boolean;
  /** Resource patterns after policy-variable substitution, so the UI can show them. */
  resolvedResources?: string[];
  /**
   * The policy variables this statement used and the request's value for each (resource and
   * condition values), e.g. `${aws:PrincipalTag/department}` → `platform`.
   */
  variables?: { variable: string; value: string }[];
}

export interface PolicyTrace {
  layer: PolicyLayer;
  name: string;
  arn?: string;
  statements: StatementTrace[];
  /** What this policy alone says: Allow, explicit Deny, or nothing (no statement applies). */
  outcome: 'Allow' | 'Deny' | 'NoMatch';
}

export interface EvaluationResult {
  decision: Decision;
  /** One plain sentence: why. For an implicit deny, names the layer that allowed nothing. */
  reason: string;
  /** For an implicit deny: the layer that had no Allow (`identity`, `boundary`, `session` …). */
  missingAllowIn?: PolicyLayer;
  /** For an explicit deny: the policy and statement that denied. */
  deniedBy?: { layer: PolicyLayer; name: string; sid?: string; index: number };
  policies: PolicyTrace[];
}
