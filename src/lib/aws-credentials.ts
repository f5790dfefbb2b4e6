/**
 * AWS credentials as a client holds them, whichever service issued them (identity pool, STS, a
 * developer's long-term keys). One type for every client in the app: the player, the Cognito Sync
 * device client and the AppSync client.
 */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch milliseconds, when the issuer gave one. */
  expiration?: number;
}
