import type { Random } from './core/random';
import type { TraceHub } from './core/trace';
import type { IamState } from './iam/state-model';
import type { AppSyncState } from './services/appsync/state';
import type { CognitoSyncState } from './services/cognito-sync/state';
import type { IdentityPoolState } from './services/cognito-identity/state';
import type { CognitoOAuthState } from './services/cognito-idp/oauth/state-model';
import type { UserPoolState } from './services/cognito-idp/state';
import type { ExecuteApiState } from './services/execute-api/state';
import type { GoogleState } from './services/idp-google/state';
import type { SamlState } from './services/idp-saml/state';
import type { S3State } from './services/s3/state';
import type { SsmState } from './services/ssm/state';
import type { StsState } from './services/sts/state';
import type { KeyRing } from './tokens/keys';

/**
 * Everything one simulated cloud knows. `state` is plain JSON data (no Maps, no classes, no
 * functions) so that `JSON.stringify(world.state)` is a complete snapshot of the services; the
 * keys live beside it as CryptoKeys; randomness and time are injected.
 */
export interface World {
  region: string;
  accountId: string;
  /** The injected clock, epoch milliseconds. Never call Date.now() below createCloud. */
  now(): number;
  random: Random;
  keys: KeyRing;
  trace: TraceHub;
  state: WorldState;
}

export interface WorldState {
  iam: IamState;
  sts: StsState;
  cognitoIdp: UserPoolState;
  /** The user pool's hosted-domain OAuth endpoints (federation). */
  cognitoOAuth: CognitoOAuthState;
  cognitoIdentity: IdentityPoolState;
  s3: S3State;
  executeApi: ExecuteApiState;
  ssm: SsmState;
  cognitoSync: CognitoSyncState;
  google: GoogleState;
  saml: SamlState;
  appsync: AppSyncState;
}
