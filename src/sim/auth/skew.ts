/**
 * How far a header-signed request's X-Amz-Date may be from the service's clock, per signing name.
 * AWS does not publish one number; each service says its own window in its refusal
 * (`Signature expired: <t> is now earlier than <t> (<now> - N min.)`). What the public record shows:
 * - sts: 15 minutes (obs: aws/aws-cli#6676 GetCallerIdentity, devsecops/bootcamp#101 AssumeRole,
 *   `Signature not yet current: … (… + 15 min.)` in a Terraform report of sts:GetCallerIdentity);
 * - s3: 15 minutes (obs: RequestTimeTooSkewed with MaxAllowedSkewMilliseconds 900000);
 * - execute-api: 5 minutes (obs: aws-amplify/aws-sdk-android#253, mhart/aws4#118, 403 `{"message"}`);
 * - ssm: 5 minutes (obs: middyjs/middy#1123 2023, aws-powertools/powertools-lambda-typescript#2869 2024,
 *   aws/aws-sdk-net#1506);
 * - cognito-identity, cognito-sync, appsync: no public report found; 15 minutes, the window most
 *   services show and the one the "Common Errors" pages describe for RequestExpired (unv).
 */
export const SKEW_MINUTES: Readonly<Record<string, number>> = {
  sts: 15,
  s3: 15,
  'execute-api': 5,
  ssm: 5,
  'cognito-identity': 15,
  'cognito-sync': 15,
  appsync: 15,
};

/** The window for a signing name; 15 minutes where nothing says otherwise. */
export function skewMinutes(service: string): number {
  return Object.hasOwn(SKEW_MINUTES, service) ? (SKEW_MINUTES[service] as number) : 15;
}
