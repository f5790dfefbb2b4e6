/**
 * The simulated Lambda triggers of a user pool, as data. No code runs: each trigger's behaviour is
 * chosen in the UI (the page's CSP forbids evaluating code) and the simulated function builds its
 * response from it. Field names are AWS's own response fields where one exists, so what is configured
 * is what the function answers (developer guide, "Customizing user pool workflows with Lambda triggers").
 */

/** Groups and roles as `groupOverrideDetails` / `groupConfiguration` carry them. */
export interface GroupOverrideDetails {
  groupsToOverride?: string[];
  iamRolesToOverride?: string[];
  preferredRole?: string;
}

/** Claims of one token; V2_0 adds `scopesToAdd` / `scopesToSuppress` for the access token. */
export interface TokenGenerationOverride {
  claimsToAddOrOverride?: Record<string, unknown>;
  claimsToSuppress?: string[];
}

export interface AccessTokenGenerationOverride extends TokenGenerationOverride {
  scopesToAdd?: string[];
  scopesToSuppress?: string[];
}

/** A function that throws: Cognito answers UserLambdaValidationException "<Trigger> failed with error <reject>." */
export interface RejectBehaviour {
  reject: string;
}

export type PreSignUpBehaviour =
  | { autoConfirmUser?: boolean; autoVerifyEmail?: boolean; autoVerifyPhone?: boolean }
  | RejectBehaviour;

/** Post confirmation and pre authentication answer an empty response, or throw. */
export type PassOrRejectBehaviour = Record<string, never> | RejectBehaviour;

/** Pre token generation, event version 1 (`V1_0`): the ID token's claims and the groups. */
export interface PreTokenGenerationV1 {
  version: 'V1_0';
  claimsToAddOrOverride?: Record<string, string>;
  claimsToSuppress?: string[];
  groupOverrideDetails?: GroupOverrideDetails;
}

/** Pre token generation, event version 2 (`V2_0`): both tokens, and the access token's scopes. */
export interface PreTokenGenerationV2 {
  version: 'V2_0';
  idTokenGeneration?: TokenGenerationOverride;
  accessTokenGeneration?: AccessTokenGenerationOverride;
  groupOverrideDetails?: GroupOverrideDetails;
}

export type PreTokenGenerationBehaviour = PreTokenGenerationV1 | PreTokenGenerationV2 | RejectBehaviour;

/** Which triggers the pool has, and how each simulated function answers. */
export interface UserPoolTriggerConfig {
  preSignUp?: PreSignUpBehaviour;
  postConfirmation?: PassOrRejectBehaviour;
  preAuthentication?: PassOrRejectBehaviour;
  preTokenGeneration?: PreTokenGenerationBehaviour;
}
