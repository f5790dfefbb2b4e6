import type { ContextKeys, NamedPolicy, RequestPrincipal } from '../iam/types';

/**
 * The principal behind a SigV4-signed request, as the credential store knows it. Produced by
 * `authenticate` (auth/authenticate.ts) after the signature verifies, and consumed by every
 * service that authorises a call with `iam/evaluate.ts`.
 */
export interface Caller {
  accessKeyId: string;
  kind: 'root' | 'iam-user' | 'assumed-role' | 'federated-user';
  /** As GetCallerIdentity reports it: `arn:aws:sts::<acct>:assumed-role/<Role>/<Session>` … */
  arn: string;
  /** `aws:userid`: `AIDA…` for a user, `AROA…:<session>` for a role session, `<acct>:<name>` for a federated user. */
  userId: string;
  accountId: string;
  /** For the `Principal` element of resource policies. */
  principal: RequestPrincipal;
  /** Policies attached to the user or role behind the credentials. */
  identityPolicies: NamedPolicy[];
  permissionsBoundary?: NamedPolicy;
  /** Session policies given to the STS call that minted these credentials (none for long-term keys). */
  sessionPolicies: NamedPolicy[];
  /**
   * Context keys the session carries into every request: `aws:PrincipalArn`, `aws:userid`,
   * `aws:username` (IAM users), `aws:MultiFactorAuthPresent`, `aws:MultiFactorAuthAge`,
   * `aws:TokenIssueTime`, `aws:FederatedProvider`, `cognito-identity.amazonaws.com:sub|aud|amr`,
   * `accounts.google.com:sub` …
   */
  context: ContextKeys;
  /** Epoch ms; absent for long-term keys. */
  expiration?: number;
  /** How the credentials were obtained, e.g. `GetSessionToken`, `AssumeRoleWithWebIdentity`, or `long-term`. */
  source: string;
  /**
   * Set for GetSessionToken and GetFederationToken credentials: APIs they may not call whatever the
   * policies say (IAM User Guide "Comparing the AWS STS API operations"). Check with
   * `assertApiAllowed` from auth/restrictions.ts before evaluating policies.
   */
  apiRestrictions?: CallerApiRestrictions;
  /** Role sessions: the session tags and which are transitive (a role this session assumes inherits those). */
  sessionTags?: { tags: Record<string, string>; transitiveTagKeys: string[] };
}

export interface CallerApiRestrictions {
  /** The STS operation that made the credentials. */
  source: 'GetSessionToken' | 'GetFederationToken';
  /** IAM API calls: refused for GetFederationToken, and for GetSessionToken without MFA. */
  iamAllowed: boolean;
  /** The only STS actions allowed (e.g. `sts:GetCallerIdentity`). */
  stsActions: string[];
}
