import { AwsError } from '../../core/errors';

/**
 * Named constructors for the identity pools API's errors, with the messages seen on AWS
 * (docs/aws-reference.md §4.12; each is tagged there as doc or obs).
 */
export const IdentityErrors = {
  guestsNotSupported: () =>
    new AwsError('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.'),
  cantVerify: () =>
    new AwsError('NotAuthorizedException', "Invalid login token. Couldn't verify signed token."),
  tokenExpired: (exp: number, nowSeconds: number) =>
    new AwsError('NotAuthorizedException', `Invalid login token. Token expired: ${nowSeconds} >= ${exp}`),
  issuerMismatch: () =>
    new AwsError('NotAuthorizedException', "Invalid login token. Issuer doesn't match providerName"),
  missingClaim: (claim: string) =>
    new AwsError('NotAuthorizedException', `Invalid login token. Missing a required claim: ${claim}`),
  /** ServerSideTokenCheck refusing a revoked user pool token; AWS's exact wording is unverified. */
  tokenRevoked: () => new AwsError('NotAuthorizedException', 'Invalid login token. Token has been revoked.'),
  /** Observed (amplify-js #8644) when role mapping resolves to Deny. */
  ambiguousRoleDenied: () =>
    new AwsError('NotAuthorizedException', 'The ambiguous role mapping rules denied this request.'),
  unsupportedProvider: () =>
    new AwsError('NotAuthorizedException', 'Token is not from a supported provider of this identity pool.'),
  /** GetId refuses the Cognito OpenID token as a login (obs: aws-sdk-net #420, amplify-swift #2842). */
  cognitoTokenInGetId: () =>
    new AwsError('NotAuthorizedException', "Invalid login token. Can't pass in a Cognito token."),
  loginsDontMatch: () =>
    new AwsError(
      'NotAuthorizedException',
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    ),
  /** Observed wording for an identity the caller may not use (aws-sdk-net #1145); we use it for merged-away identities. */
  identityForbidden: (identityId: string) =>
    new AwsError('NotAuthorizedException', `Access to Identity '${identityId}' is forbidden.`),
  poolNotFound: (poolId: string) =>
    new AwsError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`),
  identityNotFound: (identityId: string) =>
    new AwsError('ResourceNotFoundException', `Identity '${identityId}' not found.`),
  badPoolConfiguration: () =>
    new AwsError(
      'InvalidIdentityPoolConfigurationException',
      'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    ),
  classicFlowDisabled: () =>
    new AwsError(
      'InvalidParameterException',
      'Basic (classic) flow is not enabled, please use enhanced flow.',
    ),
  classicFlowWithRoleMappings: () =>
    new AwsError(
      'InvalidParameterException',
      'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.',
    ),
  /** GetOpenIdToken with a SAML login (obs: aws-amplify/aws-sdk-ios#520). */
  classicFlowWithSaml: () =>
    new AwsError(
      'InvalidParameterException',
      'Basic (classic) flow is not supported with SAML, please use enhanced flow.',
    ),
  /** Only one login per public provider per identity (docs/aws-reference.md §4.11); AWS's exact text is not documented. */
  providerAlreadyLinked: (provider: string) =>
    new AwsError('ResourceConflictException', `Identity already has a login for provider ${provider}.`),
  developerUserAlreadyRegistered: (userId: string) =>
    new AwsError(
      'DeveloperUserAlreadyRegisteredException',
      `Developer user '${userId}' is already registered with another identity.`,
    ),
  /** LookupDeveloperIdentity given an identity id and a user id of another identity; AWS's text is not documented. */
  developerUserMismatch: (userId: string, identityId: string) =>
    new AwsError(
      'ResourceConflictException',
      `Developer user '${userId}' is not associated with identity '${identityId}'.`,
    ),
  invalidParameter: (message: string) => new AwsError('InvalidParameterException', message),
};
