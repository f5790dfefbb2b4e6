/**
 * Plain, JSON-serialisable state of the simulated API Gateway REST APIs: stages, authorizers and
 * methods. Every method's integration is the same Lambda-proxy-style echo of the request context.
 */
import { createDict } from '../../core/dict';
export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'COGNITO_USER_POOLS';

export interface CognitoAuthorizer {
  id: string;
  name: string;
  type: 'COGNITO_USER_POOLS';
  /** `arn:aws:cognito-idp:<region>:<acct>:userpool/<poolId>` */
  providerArns: string[];
  /** The request header that carries the token (identity source `method.request.header.<name>`). */
  header: string;
}

export interface ApiMethod {
  httpMethod: string;
  /** e.g. `/me` */
  resourcePath: string;
  authorizationType: AuthorizationType;
  authorizerId?: string;
  /** With scopes the Cognito authorizer wants an access token carrying one of them. */
  authorizationScopes?: string[];
}

export interface RestApi {
  id: string;
  name: string;
  stages: string[];
  authorizers: Record<string, CognitoAuthorizer>;
  methods: ApiMethod[];
}

export interface ExecuteApiState {
  apis: Record<string, RestApi>;
}

export function createExecuteApiState(): ExecuteApiState {
  return { apis: createDict() };
}
