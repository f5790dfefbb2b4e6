/**
 * The five STS operations that mint credentials, as data: who may call them, their duration limits,
 * MFA and session-policy support, what their credentials can never call, and the principal they
 * make. This table is the single source of truth: the STS actions validate with these numbers, the
 * credential store applies these restrictions, and the explainer's STS gallery renders it.
 * Facts: IAM User Guide "Comparing the AWS STS API operations" and the STS API reference
 * (docs/aws-reference.md §5.2, §5.3, §5.6).
 */

/** Seconds, as `DurationSeconds` takes them. */
export interface DurationLimits {
  min: number;
  max: number;
  /** What STS uses when `DurationSeconds` is absent. */
  default: number;
}

export interface StsOperationDefinition {
  operation: StsOperationName;
  /** Whether the request must be SigV4-signed (the unsigned ones carry their proof in the body). */
  signed: boolean;
  /** Who may call it, in words. */
  callers: string;
  /** What the request is signed with, or what proves the caller when it is unsigned. */
  credentials: string;
  /** Request parameters (wire names), as the STS API reference lists them. */
  inputs: { required: string[]; optional: string[] };
  /** The parameter limits for an IAM user or role caller. */
  duration: DurationLimits;
  /** Extra caps on the duration, in words (MaxSessionDuration, role chaining, SessionNotOnOrAfter). */
  durationNotes: string[];
  /** Root user limits, where AWS documents different ones. */
  rootDuration?: DurationLimits;
  /** Role chaining cap (a role session, or GetSessionToken credentials, assuming a role), in seconds. */
  chainedMaxSeconds?: number;
  /** Whether SerialNumber/TokenCode are accepted. */
  mfa: boolean;
  /** Whether Policy/PolicyArns session policies are accepted. */
  sessionPolicies: boolean;
  /** What the resulting credentials can never call, whatever their policies say. */
  cannotCall: string[];
  /** For sessions restricted in STS: the only STS actions their credentials may call. */
  allowedStsActions?: readonly string[];
  /** The ARN of the resulting principal, with placeholders. */
  principalArn: string;
  /** Whose permissions the credentials carry. */
  permissions: string;
  /** The caller that typically uses it. */
  typicalCaller: string;
  /** When to use it. */
  whenToUse: string;
}

export const StsOperationName = {
  AssumeRole: 'AssumeRole',
  AssumeRoleWithSAML: 'AssumeRoleWithSAML',
  AssumeRoleWithWebIdentity: 'AssumeRoleWithWebIdentity',
  GetFederationToken: 'GetFederationToken',
  GetSessionToken: 'GetSessionToken',
} as const;
export type StsOperationName = (typeof StsOperationName)[keyof typeof StsOperationName];

/** Role sessions: 15 min up to the role's MaxSessionDuration (at most 12 h), default 1 h. */
const ROLE_SESSION: DurationLimits = { min: 900, max: 43_200, default: 3600 };
/** IAM user sessions from GetSessionToken/GetFederationToken: 15 min to 36 h, default 12 h. */
const USER_SESSION: DurationLimits = { min: 900, max: 129_600, default: 43_200 };
/** The root user's sessions from those two: 15 min to 1 h, default 1 h. */
const ROOT_SESSION: DurationLimits = { min: 900, max: 3600, default: 3600 };
/**
 * A role session assuming another role is capped at one hour (IAM User Guide, "Role chaining"); STS
 * applies the same cap to GetSessionToken credentials assuming a role (obs, see AssumeRole's notes).
 */
const ROLE_CHAINING_MAX_SECONDS = 3600;

const ROLE_CREDENTIALS_CANNOT = ['sts:GetFederationToken', 'sts:GetSessionToken'];
const ROLE_DURATION_NOTES = [
  "at most the role's MaxSessionDuration (1–12 h)",
  'role chaining (role credentials assuming a role): at most 1 h',
];

export const STS_OPERATIONS: Readonly<Record<StsOperationName, StsOperationDefinition>> = {
  AssumeRole: {
    operation: 'AssumeRole',
    signed: true,
    callers: 'An IAM user or a role session (any valid AWS credentials)',
    credentials: 'long-term (AKIA) or temporary (ASIA) keys',
    inputs: {
      required: ['RoleArn', 'RoleSessionName'],
      optional: [
        'DurationSeconds',
        'Policy',
        'PolicyArns',
        'SerialNumber',
        'TokenCode',
        'ExternalId',
        'SourceIdentity',
        'Tags',
      ],
    },
    duration: ROLE_SESSION,
    durationNotes: [
      ...ROLE_DURATION_NOTES,
      // Same cap and message as chaining (obs: mmmorris1975/aws-runas#11, coinbase/assume-role#24).
      'GetSessionToken credentials assuming a role: at most 1 h, as in role chaining',
    ],
    chainedMaxSeconds: ROLE_CHAINING_MAX_SECONDS,
    mfa: true,
    sessionPolicies: true,
    cannotCall: ROLE_CREDENTIALS_CANNOT,
    principalArn: 'arn:aws:sts::<account>:assumed-role/<RoleName>/<RoleSessionName>',
    permissions: "The role's policies (∩ any session policy)",
    typicalCaller: 'A developer machine or a service taking on a role, often in another account',
    whenToUse: 'Cross-account access and least privilege for people and services that already hold AWS keys',
  },
  AssumeRoleWithSAML: {
    operation: 'AssumeRoleWithSAML',
    signed: false,
    callers: 'Anyone holding a SAML response signed by an IdP that IAM trusts',
    credentials: 'the base64 SAML response is the proof',
    inputs: {
      required: ['RoleArn', 'PrincipalArn', 'SAMLAssertion'],
      optional: ['DurationSeconds', 'Policy', 'PolicyArns'],
    },
    duration: ROLE_SESSION,
    durationNotes: [...ROLE_DURATION_NOTES.slice(0, 1), "and at most the assertion's SessionNotOnOrAfter"],
    mfa: false,
    sessionPolicies: true,
    cannotCall: ROLE_CREDENTIALS_CANNOT,
    principalArn: 'arn:aws:sts::<account>:assumed-role/<RoleName>/<RoleSessionName from the assertion>',
    permissions: "The role's policies (∩ any session policy)",
    typicalCaller: 'A browser or CLI after corporate single sign-on (ADFS, Okta, Entra ID)',
    whenToUse:
      'Employees in a company SAML IdP who need an AWS role, for the console, the CLI or a tool that signs AWS calls: the assertion goes straight to STS, no AWS keys and no identity pool. Choose an identity pool instead when the app also needs what Cognito adds: a stable identity id, guests, other sign-ins (user pool, Google) under one identity, Cognito Sync, or role mapping rules.',
  },
  AssumeRoleWithWebIdentity: {
    operation: 'AssumeRoleWithWebIdentity',
    signed: false,
    callers: 'Anyone holding an OIDC token from a provider the role trusts',
    credentials: 'the web identity (OIDC) token is the proof',
    inputs: {
      required: ['RoleArn', 'RoleSessionName', 'WebIdentityToken'],
      optional: ['DurationSeconds', 'Policy', 'PolicyArns', 'ProviderId'],
    },
    duration: ROLE_SESSION,
    durationNotes: ROLE_DURATION_NOTES.slice(0, 1),
    mfa: false,
    sessionPolicies: true,
    cannotCall: ROLE_CREDENTIALS_CANNOT,
    principalArn: 'arn:aws:sts::<account>:assumed-role/<RoleName>/<RoleSessionName>',
    permissions: "The role's policies (∩ any session policy)",
    typicalCaller:
      'A web or mobile app after an OIDC sign-in, or with an identity pool’s OpenID token (basic flow); CI jobs with OIDC tokens; identity pools themselves (enhanced flow, inside AWS)',
    whenToUse:
      'Apps and workloads whose users or jobs sign in with an OIDC provider; prefer identity pools for apps',
  },
  GetFederationToken: {
    operation: 'GetFederationToken',
    signed: true,
    callers: 'An IAM user (or the root user, not recommended) with long-term keys',
    credentials: 'long-term (AKIA) keys only',
    inputs: { required: ['Name'], optional: ['DurationSeconds', 'Policy', 'PolicyArns', 'Tags'] },
    duration: USER_SESSION,
    durationNotes: ['root user: 15 min to 1 h, default 1 h'],
    rootDuration: ROOT_SESSION,
    mfa: false,
    sessionPolicies: true,
    cannotCall: ['any IAM API', 'any STS API except GetCallerIdentity'],
    allowedStsActions: ['sts:GetCallerIdentity'],
    principalArn: 'arn:aws:sts::<account>:federated-user/<Name>',
    permissions: "The calling user's policies ∩ the session policy (no session policy: no permissions)",
    typicalCaller: 'A federation broker (proxy) server handing out access to its own users',
    whenToUse: 'Legacy custom identity brokers; prefer roles (AssumeRole) or IAM Identity Center today',
  },
  GetSessionToken: {
    operation: 'GetSessionToken',
    signed: true,
    callers: 'An IAM user (or the root user) with long-term keys',
    credentials: 'long-term (AKIA) keys only, plus an MFA code where policies require it',
    inputs: { required: [], optional: ['DurationSeconds', 'SerialNumber', 'TokenCode'] },
    duration: USER_SESSION,
    durationNotes: ['root user: 15 min to 1 h, default 1 h'],
    rootDuration: ROOT_SESSION,
    mfa: true,
    sessionPolicies: false,
    cannotCall: [
      'IAM APIs unless MFA information was included',
      'any STS API except AssumeRole and GetCallerIdentity',
    ],
    allowedStsActions: ['sts:AssumeRole', 'sts:GetCallerIdentity'],
    principalArn: 'arn:aws:iam::<account>:user/<UserName> (the same user)',
    permissions: "The IAM user's own policies",
    typicalCaller: 'A central trusted server or a developer on an unmanaged machine, often to satisfy MFA',
    whenToUse: 'Short-lived keys for the same user, e.g. to call APIs whose policies require MFA',
  },
};
