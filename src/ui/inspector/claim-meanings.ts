/**
 * Plain-words meaning of the claims a learner meets (docs/aws-reference.md §1.2, §1.3 and §4.6).
 */
export const CLAIM_MEANINGS: Record<string, string> = {
  sub: 'Subject: the stable unique id of the user at this issuer (user pool: a UUID; Cognito identity: the identity id). A client credentials token has no user: its sub is the app client id.',
  iss: 'Issuer: who signed the token; its JWKS holds the public key.',
  aud: 'Audience: the client the token was issued for (user pool ID token: the app client id; Google: the app’s Google client id; Cognito OpenID token: the identity pool id). User pool access tokens have no aud.',
  client_id: 'The app client the access token was issued to (access tokens carry this instead of aud).',
  token_use: '"id" for an ID token, "access" for an access token. Verifiers must check it.',
  scope:
    'OAuth scopes the access token grants (custom ones read <resource server>/<scope>); GetUser needs aws.cognito.signin.user.admin.',
  auth_time:
    'When the person (for a client credentials token, the app client) authenticated (epoch seconds); unchanged on refresh.',
  iat: 'Issued at (epoch seconds).',
  exp: 'Expires at (epoch seconds); after this every verifier must refuse the token.',
  nbf: 'Not valid before (epoch seconds).',
  jti: 'Unique id of this token (user pool tokens carry it when token revocation is enabled on the app client).',
  origin_jti: 'Id shared by all tokens minted from one sign-in, including refreshes.',
  event_id: 'Id of the authentication event.',
  'cognito:username': 'The username (ID token). Federated users look like Google_<id>.',
  username: 'The username (access token).',
  'cognito:groups':
    'User pool groups the user belongs to; absent when there are none. Federated users are also in an automatic group <pool id>_<provider>.',
  'cognito:roles':
    'IAM roles of those groups; the identity pool can pick from them (token-based role mapping).',
  'cognito:preferred_role':
    'Role of the group with the lowest precedence number; omitted when groups with different roles tie for it. Token-based role mapping uses it.',
  email: 'Email address attribute.',
  email_verified: 'Whether the email was verified.',
  identities: 'For federated users: the outside provider and the user id there.',
  amr: 'Authentication methods. In a Cognito OpenID token the first element is "authenticated" or "unauthenticated", followed by the login provider; role trust policies test it with ForAnyValue:StringLike cognito-identity.amazonaws.com:amr.',
  version: 'Access token format version (2 for current user pool access tokens).',
  at_hash: 'Hash of the access token issued alongside (OAuth flows).',
  nonce: 'Echo of the nonce the app sent, against replay.',
  azp: 'Authorized party (Google): the client that asked for the token.',
  name: 'Display name.',
  given_name: 'Given name.',
  family_name: 'Family name.',
  picture: 'Profile picture URL.',
  hd: 'Hosted domain (Google Workspace).',
  'https://cognito-identity.amazonaws.com/identity-pool-arn':
    'Cognito OpenID token: the ARN of the identity pool that issued it (newer tokens).',
  'https://aws.amazon.com/tags':
    'Principal tags for attribute-based access control, when the identity pool maps claims to tags.',
};
