/** AWS documentation pages the findings cite (AWS's own recommendation for each). */
export const DOCS = {
  roleTrust: 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html',
  iamRoles: 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html',
  authFlow: 'https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html',
  roleMapping: 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html',
  s3PerUser:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html',
  appClients: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html',
  authFlows:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html',
  refreshToken:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html',
  revocation: 'https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html',
  existence:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html',
  attributeMapping:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-specifying-attribute-mapping.html',
  oauthGrants:
    'https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints-oauth-grants.html',
  mfa: 'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html',
  password: 'https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html',
  apiAccess:
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
  templateFormat: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html',
  leastPrivilege:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
} as const;
