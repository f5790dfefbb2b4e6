import { signRequest } from '../sim/signer';
import { GRAPHQL_CONTENT_TYPE } from './operations';
import type { AppSyncAuth } from './types';

/**
 * The three ways the client proves who it is (docs/aws-reference.md §10.2): an API key in `x-api-key`, a user pool
 * JWT in `Authorization`, or a SigV4 signature with signing name `appsync` over exactly the request
 * that is sent (for the real-time endpoint: a POST of `{}` to /graphql/connect for the handshake, and
 * of the start message's `data` to /graphql for each subscription).
 */
export function apiKeyAuth(apiKey: string): AppSyncAuth {
  return { mode: 'API_KEY', getHeaders: async () => ({ 'x-api-key': apiKey }) };
}

/** `token()` returns the current ID token (it may sign in first, through the device's network). */
export function userPoolAuth(token: () => Promise<string>): AppSyncAuth {
  return { mode: 'AMAZON_COGNITO_USER_POOLS', getHeaders: async () => ({ Authorization: await token() }) };
}

export interface IamAuthOptions {
  credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
  region: string;
  now: () => number;
}

export function iamAuth(options: IamAuthOptions): AppSyncAuth {
  return {
    mode: 'AWS_IAM',
    async getHeaders({ url, body }) {
      const credentials = await options.credentials();
      const signed = await signRequest(
        new Request(url, {
          method: 'POST',
          headers: { 'content-type': GRAPHQL_CONTENT_TYPE, accept: 'application/json, text/javascript' },
          body,
        }),
        credentials,
        { service: 'appsync', region: options.region, now: options.now() },
      );
      const headers: Record<string, string> = {};
      signed.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return headers;
    },
  };
}
