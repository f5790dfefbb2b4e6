/**
 * The engine's public types: the options of `createCloud`, the `Cloud` it returns, its snapshot and the
 * demo world's description. Kept apart from `index.ts` so the demo modules can name `Demo` without
 * importing the module that builds it; `index.ts` re-exports them all.
 */
import type { RandomState } from './core/random';
import type { TraceListener } from './core/trace';
import type { DemoIds } from './demo/ids';
import type { SimSocket } from './services/appsync/realtime';
import type { PublishedEvent } from './services/appsync/realtime-hub';
import type { ConflictHandler } from './services/appsync/state';
import type { UserPoolTriggerConfig as UserPoolTriggers } from './services/cognito-idp/lambda-trigger-types';
import type { KeyRing, KeySource } from './tokens/keys';
import type { WorldState } from './world';

export interface CloudOptions {
  /** Default "us-east-1" */
  region?: string;
  /** Epoch milliseconds; default Date.now. Drives every iat, exp and Expiration. */
  now?: () => number;
  /** Seed of the cloud's random generator (ids, secrets, codes). Default "identity-atlas". */
  seed?: string;
  /**
   * Starts the generator again from `seed` + this string once the demo world is seeded. The demo world
   * (account, pools, users, roles, keys) stays the one `seed` makes, while everything drawn afterwards
   * (identity ids, access keys, request ids, token ids) differs per run name: two scenarios played on
   * two clouds do not hand different people the same identity id. Ignored with `snapshot` or `world`.
   */
  runSeed?: string;
  /** `demo` (default): the published demo keys, byte-reproducible; `generate`: fresh RSA keys. */
  keys?: KeySource;
  /** Restore a cloud saved with `cloud.snapshot()` instead of seeding a new demo world. */
  snapshot?: CloudSnapshot;
  /**
   * Start from this world instead of the demo world (a world built elsewhere, e.g. imported from a
   * CloudFormation template by `src/stack`). Its state is copied; services it leaves out start empty.
   * `cloud.demo` then describes only what the world holds (fields of absent demo parts are empty).
   */
  world?: WorldSeed;
}

/** A world given as data: the account it lives in and its services' plain JSON state. */
export interface WorldSeed {
  accountId: string;
  state: Partial<WorldState>;
}

export interface Cloud {
  /** Every simulated AWS endpoint, addressed by its real URL, speaking AWS's real wire protocol. */
  fetch(request: Request): Promise<Response>;
  /** The built-in demo world: ids, secrets and sign-in helpers. More fields are allowed. */
  readonly demo: Demo;
  /** Explanation events (signature stages, policy decisions, tokens …) tagged with request ids. */
  subscribe(listener: TraceListener): () => void;
  /**
   * The whole cloud as data: plain JSON state plus the CryptoKeys (structured-cloneable, so it can
   * be kept in IndexedDB as is). Private keys stay non-extractable.
   */
  snapshot(): CloudSnapshot;
  /**
   * Opens a simulated WebSocket to a real-time endpoint (AppSync:
   * wss://<apiId>.appsync-realtime-api.<region>.amazonaws.com/graphql, subprotocol graphql-ws).
   * Rejects with a TypeError for an unknown address, as a failed WebSocket connection does.
   */
  connect(url: string, protocol?: string): Promise<SimSocket>;
  /**
   * Replaces this cloud's state with a snapshot of the same cloud taken elsewhere (another tab), in
   * place: subscribers, open sockets and `demo` keep working. Queued like a request, so it never lands
   * between a request's check and its write. Rejects a snapshot of another account or region.
   */
  restore(snapshot: CloudSnapshot): Promise<void>;
  /** Hears every AppSync subscription event this cloud publishes (to forward it to other tabs). */
  onPublish(listener: (event: PublishedEvent) => void): () => void;
  /** Delivers an event that the same cloud published in another tab to this tab's subscribers. */
  deliverPublished(event: PublishedEvent): void;
}

export interface CloudSnapshot {
  version: 1;
  region: string;
  ids: DemoIds;
  random: RandomState;
  /** JSON text of every service's state. */
  state: string;
  keys: KeyRing;
}

/** How a user pool's users sign in (Demo['userPool'].setSignIn). */
export type UserPoolSignIn = 'username' | 'email' | 'username-or-email';

export interface Demo {
  region: string;
  /** 12 digits */
  accountId: string;
  userPool: {
    /** "<region>_<9 alphanumerics>" */
    id: string;
    /** Public app client, no secret, USER_PASSWORD_AUTH enabled */
    clientId: string;
    /** Confirmed users */
    users: { username: string; password: string }[];
    /** Second app client "atlas-other-app" (LEGACY user-existence errors): tokens for the wrong audience. */
    otherClientId: string;
    /** Hosted (managed login) domain: https://<prefix>.auth.<region>.amazoncognito.com */
    domain: string;
    /** Signed up, never confirmed (UserNotConfirmedException demos). */
    unconfirmedUser: { username: string; password: string };
    /** Confirmed, then disabled by an administrator ("User is disabled."). */
    disabledUser: { username: string; password: string };
    /**
     * "atlas-server-app", a confidential app client: its secret makes SECRET_HASH =
     * Base64(HMAC-SHA256(clientSecret, username + clientId)) mandatory on every public call that
     * names a user, and `client_secret_basic` / `client_secret_post` mandatory at /oauth2/token.
     * Something only a server may hold; the browser app uses `clientId` (public, PKCE).
     */
    confidentialClient?: { clientId: string; clientSecret: string };
    /**
     * "atlas-nightly-report": a confidential client allowed only the client credentials grant, for the
     * custom scope `reports/read` of the pool's resource server `reports` (machine to machine, no user).
     */
    machineClient?: { clientId: string; clientSecret: string; scope: string };
    /**
     * Configures the pool's simulated Lambda triggers (pre sign-up, post confirmation, pre
     * authentication, pre token generation V1_0 / V2_0). Behaviour is data, not code: the simulated
     * function answers with the configured response, or throws `{ reject: message }`. Replaces the
     * whole configuration; `{}` removes every trigger. Each invocation is traced as `lambda.invoke`
     * with AWS's event and the function's response.
     * @example demo.userPool.setTriggers({ preSignUp: { autoConfirmUser: true, autoVerifyEmail: true } })
     */
    setTriggers(config: UserPoolTriggers): void;
    /** The triggers as configured now (a copy). */
    getTriggers(): UserPoolTriggers;
    /**
     * How the pool's users sign in, as chosen when a pool is created (AWS does not change it later):
     * `username` (the demo's), `email` (UsernameAttributes: the email address is the Username and the
     * username is generated) or `username-or-email` (AliasAttributes: a username, or the verified email).
     * Meant for a fresh pool, before its first sign-up.
     */
    setSignIn(mode: UserPoolSignIn): void;
    getSignIn(): UserPoolSignIn;
    /** The simulated mailbox: every code the pool sent (sign-up, resend, attribute verification, password reset), oldest first. */
    inbox(): {
      to: string;
      username: string;
      code: string;
      purpose: 'SIGN_UP' | 'RESEND_SIGN_UP' | 'VERIFY_ATTRIBUTE' | 'FORGOT_PASSWORD';
      at: number;
    }[];
  };
  /**
   * The enhanced-flow identity pool: guests allowed; the user pool, Google, the SAML provider and the
   * developer provider as logins; token-based role mapping for the user pool app client. Because it has
   * role mappings, AWS refuses the basic (classic) flow here, for every caller.
   */
  identityPool: {
    /** "<region>:<uuid>"; unauthenticated (guest) access enabled */
    id: string;
    authenticatedRoleArn: string;
    unauthenticatedRoleArn: string;
  };
  /**
   * The basic (classic) flow's identity pool: AllowClassicFlow true, no role mappings, guests allowed,
   * the user pool, Google and the developer provider as logins (no SAML: Cognito takes SAML logins only
   * in the enhanced flow). Its roles (AtlasClassicAuthenticatedRole, AtlasClassicGuestRole) trust only
   * this pool's id in `cognito-identity.amazonaws.com:aud`, and may do what the enhanced pool's roles may.
   */
  classicIdentityPool: {
    /** "<region>:<uuid>", not the same as identityPool.id */
    id: string;
    authenticatedRoleArn: string;
    unauthenticatedRoleArn: string;
  };
  /** The demo IAM user, with long-term "AKIA…" keys. */
  iamUser: {
    arn: string;
    accessKeyId: string;
    secretAccessKey: string;
    /** The user's virtual MFA device (`SerialNumber` for STS calls): arn:aws:iam::<acct>:mfa/atlas-developer. */
    mfaSerial: string;
    /** The 6-digit TOTP code the device shows at `atMs` (RFC 6238, SHA-1, 30 s), for `TokenCode`. */
    mfaCode(atMs: number): Promise<string>;
  };
  /** More of the demo's IAM: the MFA-protected role, the role whose trust lacks an aud condition, every role by name. */
  iam?: { mfaRoleArn: string; legacyRoleArn: string; samlProviderArn: string; roles: Record<string, string> };
  /** Its trust policy lets iamUser call sts:AssumeRole */
  assumableRoleArn: string;
  /** Trusts accounts.google.com (aud = google.clientId) and cognito-identity.amazonaws.com (aud = the identity pool id) */
  webIdentityRoleArn: string;
  /** The simulated Google: `signIn` returns an OIDC ID token (RS256, iss https://accounts.google.com). */
  google: {
    clientId: string;
    users: { username: string; password: string }[];
    signIn(username: string, password: string): Promise<string>;
  };
  /** The corporate SAML IdP: `signIn` returns a base64 SAMLResponse fit for AssumeRoleWithSAML. */
  saml: {
    providerArn: string;
    roleArn: string;
    users: { username: string; password: string }[];
    signIn(username: string, password: string): Promise<string>;
  };
  /**
   * The simulated Google and SAML IdP configured with a world's own values, for worlds that did not
   * seed them (a template imported by `src/stack`): the identity pool names a Google client id or an
   * IAM SAML provider the simulator does not know. Signed with the simulator's keys, as the demo's are.
   */
  federation?: {
    /** The simulated SAML IdP's signing certificate (base64 DER), for a SAML provider's metadata. */
    samlCertificate: string;
    /**
     * Registers `clientId` at the simulated Google (if new) and an account for `email` (if new), and
     * returns that account's ID token for the client (aud = azp = clientId), as Google's sign-in does.
     */
    googleIdToken(clientId: string, email: string): Promise<string>;
    /**
     * A base64 SAMLResponse addressed to AWS (https://signin.aws.amazon.com/saml) for `username`,
     * issued under `issuer` (the entity id of the reader's metadata, when given), whose Role attribute
     * lists `roles` (each `<roleArn>,<providerArn>`).
     */
    samlResponse(options: { issuer?: string; username: string; roles: string[] }): Promise<string>;
    /**
     * For a user pool's own Google identity provider: registers `clientId` at the simulated Google with
     * the client secret and authorized redirect URI (the pool's /oauth2/idpresponse) that the reader's
     * Google project holds, adds an account for `email` (if new), and returns what that person types on
     * Google's sign-in page.
     */
    googleAccount(
      client: { clientId: string; clientSecret: string; redirectUri: string },
      email: string,
    ): { username: string; password: string };
    /**
     * For a user pool's own SAML identity provider: reads the AuthnRequest the pool sent (the
     * `SAMLRequest` query value of the HTTP-Redirect binding) and answers it as an IdP does: a base64
     * SAMLResponse for `username`, issued under `issuer`, addressed to the request's issuer (the pool)
     * at its ACS URL, InResponseTo its ID. Undefined when the request cannot be read.
     */
    samlResponseToUserPool(options: {
      issuer?: string;
      username: string;
      samlRequest: string;
    }): Promise<{ acsUrl: string; samlResponse: string } | undefined>;
  };
  /** S3: public/* readable by the unauthenticated and authenticated roles; private/${cognito-identity.amazonaws.com:sub}/* read-write by that identity alone */
  bucket: string;
  /** API Gateway stage URL: GET {url}/me takes a user pool token (Cognito authorizer), GET {url}/iam takes SigV4 (AWS_IAM) */
  api: { url: string };
  /** The shared-list GraphQL API (AppSync): user pool auth by default, IAM and API key as extra modes. */
  appSync?: {
    apiId: string;
    url: string;
    realtimeUrl: string;
    apiKey: string;
    /** The table's conflict handler (an administrator's SyncConfig change, made here without the control plane). */
    setConflictHandler(handler: ConflictHandler): void;
    getConflictHandler(): ConflictHandler;
  };
  /**
   * Attributes for access control: the user pool attribute `custom:department` becomes the session tag
   * `department` (the identity pool's principal-tag map for the user pool), and the signed-in roles may
   * read and write `departments/${aws:PrincipalTag/department}/*` of `bucket` — each department its own
   * prefix. The roles' trust policies allow `sts:TagSession`, which passing tags requires.
   */
  departments?: {
    bucket: string;
    /** The principal tag key: `department`. */
    tagKey: string;
    /** The token claim it is mapped from: `custom:department`. */
    attribute: string;
    /** The key prefix a department may reach, e.g. `departments/platform/`. */
    prefixFor(department: string): string;
    /** Confirmed users with their department (alice: platform, bob: research). */
    users: { username: string; password: string; department: string }[];
    /** One seeded object per department, by department. */
    objects: Record<string, string>;
  };
  /**
   * The server side of the user pool's Admin* API (AdminInitiateAuth, AdminCreateUser, AdminGetUser …):
   * these calls are SigV4-signed and authorised by IAM, unlike SignUp / InitiateAuth / GetUser. `roleArn`
   * is a role `iamUser` may assume (sts:AssumeRole) whose policy allows `actions` on `userPoolArn` only;
   * `clientId` is the app client "atlas-backend", the one with ALLOW_ADMIN_USER_PASSWORD_AUTH.
   */
  adminBackend?: { roleArn: string; userPoolArn: string; clientId: string; actions: string[] };
}
