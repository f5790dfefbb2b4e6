import { errorFactory } from '../../core/errors';

/**
 * The identity pools API's error codes (the @aws-sdk/client-cognito-identity model's error shapes,
 * plus the JSON 1.1 front end's SerializationException) with the status each is sent with: like the
 * user pool API, the identity pools API answers client errors over AWS JSON 1.1 with 400 whatever the
 * model's `httpError` (NotAuthorizedException 403, ResourceNotFoundException 404,
 * ResourceConflictException 409).
 */
const sender = { status: 400, fault: 'Sender' } as const;
export const COGNITO_IDENTITY_ERRORS = {
  DeveloperUserAlreadyRegisteredException: sender,
  InvalidIdentityPoolConfigurationException: sender,
  InvalidParameterException: sender,
  NotAuthorizedException: sender,
  ResourceConflictException: sender,
  ResourceNotFoundException: sender,
  SerializationException: sender,
  /** The JSON front end's shape check (not in the SDK model's error shapes; lookup.ts). */
  ValidationException: sender,
  InternalErrorException: { status: 500, fault: 'Receiver' },
} as const;
export type CognitoIdentityErrorCode = keyof typeof COGNITO_IDENTITY_ERRORS;

const identityError = errorFactory(COGNITO_IDENTITY_ERRORS);

/**
 * Named constructors for the identity pools API's errors, with the messages seen on AWS
 * (docs/aws-reference.md §4.12; each is tagged there as doc or obs).
 */
export const IdentityErrors = {
  guestsNotSupported: () =>
    identityError(
      'NotAuthorizedException',
      'Unauthenticated access is not supported for this identity pool.',
    ),
  cantVerify: () =>
    identityError('NotAuthorizedException', "Invalid login token. Couldn't verify signed token."),
  tokenExpired: (exp: number, nowSeconds: number) =>
    identityError('NotAuthorizedException', `Invalid login token. Token expired: ${nowSeconds} >= ${exp}`),
  issuerMismatch: () =>
    identityError('NotAuthorizedException', "Invalid login token. Issuer doesn't match providerName"),
  missingClaim: (claim: string) =>
    identityError('NotAuthorizedException', `Invalid login token. Missing a required claim: ${claim}`),
  /** ServerSideTokenCheck refusing a revoked user pool token; AWS's exact wording is unverified. */
  tokenRevoked: () => identityError('NotAuthorizedException', 'Invalid login token. Token has been revoked.'),
  /** Observed (amplify-js #8644) when role mapping resolves to Deny. */
  ambiguousRoleDenied: () =>
    identityError('NotAuthorizedException', 'The ambiguous role mapping rules denied this request.'),
  unsupportedProvider: () =>
    identityError('NotAuthorizedException', 'Token is not from a supported provider of this identity pool.'),
  /** GetId refuses the Cognito OpenID token as a login (obs: aws-sdk-net #420, amplify-swift #2842). */
  cognitoTokenInGetId: () =>
    identityError('NotAuthorizedException', "Invalid login token. Can't pass in a Cognito token."),
  loginsDontMatch: () =>
    identityError(
      'NotAuthorizedException',
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    ),
  /** Observed wording for an identity the caller may not use (aws-sdk-net #1145); we use it for merged-away identities. */
  identityForbidden: (identityId: string) =>
    identityError('NotAuthorizedException', `Access to Identity '${identityId}' is forbidden.`),
  poolNotFound: (poolId: string) =>
    identityError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`),
  identityNotFound: (identityId: string) =>
    identityError('ResourceNotFoundException', `Identity '${identityId}' not found.`),
  badPoolConfiguration: () =>
    identityError(
      'InvalidIdentityPoolConfigurationException',
      'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    ),
  classicFlowDisabled: () =>
    identityError(
      'InvalidParameterException',
      'Basic (classic) flow is not enabled, please use enhanced flow.',
    ),
  classicFlowWithRoleMappings: () =>
    identityError(
      'InvalidParameterException',
      'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.',
    ),
  /** GetOpenIdToken with a SAML login (obs: aws-amplify/aws-sdk-ios#520). */
  classicFlowWithSaml: () =>
    identityError(
      'InvalidParameterException',
      'Basic (classic) flow is not supported with SAML, please use enhanced flow.',
    ),
  /** Only one login per public provider per identity (docs/aws-reference.md §4.11); AWS's exact text is not documented. */
  providerAlreadyLinked: (provider: string) =>
    identityError('ResourceConflictException', `Identity already has a login for provider ${provider}.`),
  developerUserAlreadyRegistered: (userId: string) =>
    identityError(
      'DeveloperUserAlreadyRegisteredException',
      `Developer user '${userId}' is already registered with another identity.`,
    ),
  /** LookupDeveloperIdentity given an identity id and a user id of another identity; AWS's text is not documented. */
  developerUserMismatch: (userId: string, identityId: string) =>
    identityError(
      'ResourceConflictException',
      `Developer user '${userId}' is not associated with identity '${identityId}'.`,
    ),
  invalidParameter: (message: string) => identityError('InvalidParameterException', message),
  /** A member of the wrong JSON kind, in the JSON protocol's words. */
  serialization: (message: string) => identityError('SerializationException', message),
  /** (unv: the exception is the API reference's; the wording is the simulation's) */
  principalTagMapNotFound: (provider: string, poolId: string) =>
    identityError(
      'ResourceNotFoundException',
      `No principal tag attribute map for provider ${provider} in identity pool ${poolId}.`,
    ),
  /** (unv: AWS's wording is unpublished) */
  providerNotConfigured: (provider: string, poolId: string) =>
    identityError(
      'InvalidParameterException',
      `Provider ${provider} is not configured for identity pool ${poolId}.`,
    ),
  /** The copy of the request body an operation needs is missing: a bug in the simulation, not the caller. */
  requestBodyGone: () => identityError('InternalErrorException', 'The request body is gone.'),
};
