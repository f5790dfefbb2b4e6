/**
 * A policy document IAM cannot read. Each caller names the code its API uses: STS and IAM say
 * `MalformedPolicyDocument` (400), S3's PutBucketPolicy says `MalformedPolicy` (400).
 */
import { type AwsError, errorFactory } from '../core/errors';

export const IAM_POLICY_ERRORS = {
  MalformedPolicyDocument: { status: 400, fault: 'Sender' },
  MalformedPolicy: { status: 400, fault: 'Sender' },
} as const;
export type IamPolicyErrorCode = keyof typeof IAM_POLICY_ERRORS;

const policyError = errorFactory(IAM_POLICY_ERRORS);

export function malformedPolicy(
  message: string,
  code: IamPolicyErrorCode = 'MalformedPolicyDocument',
  status?: number,
): AwsError {
  return policyError(code, message, { status });
}
