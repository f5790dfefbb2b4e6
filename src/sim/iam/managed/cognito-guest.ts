/**
 * The scope-down Cognito adds to enhanced-flow guest credentials (reference 4.9; Cognito Developer
 * Guide, "IAM roles" → "Access policies" for unauthenticated identities). GetCredentialsForIdentity
 * passes an inline session policy naming the services guests may reach, plus AWS managed policy ARNs.
 * All session policies of one STS call together form the ceiling: an action is inside it when any
 * of them allows it (our reading, reference 4.9 and section 12). The basic flow adds none of this.
 */
import type { NamedPolicy } from '../types';
import {
  AWS_MANAGED_POLICIES,
  COGNITO_UNAUTHED_SESSION_POLICY_ARN,
  COGNITO_UNAUTHENTICATED_IDENTITIES_ARN,
} from './aws-managed';

/** Services reachable by enhanced-flow guests, per the Cognito guide's list, as action patterns. */
export const COGNITO_GUEST_ALLOWED_ACTIONS: readonly string[] = [
  'firehose:*', // Kinesis Data Firehose
  'kinesisanalytics:*', // Kinesis Data Analytics
  'sqs:*',
  'sumerian:View*',
  'mobileanalytics:*',
  'ses:*',
  'lambda:*',
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'dynamodb:*',
  'sdb:*', // SimpleDB
  'appsync:*',
  'geo:*', // Amazon Location
  'sns:*',
  'gamelift:*',
  'iot:*',
  'codewhisperer:*',
  'comprehend:*',
  'lex:*',
  'machinelearning:*',
  'personalize:*',
  'polly:*',
  'rekognition:*',
  'sagemaker:InvokeEndpoint',
  'textract:DetectDocumentText',
  'textract:AnalyzeDocument',
  'transcribe:*',
  'translate:*',
  'cloudwatch:*',
  'logs:*',
  'execute-api:*', // API Gateway
  'cognito-identity:*',
  'cognito-idp:*',
  'cognito-sync:*',
  's3:*',
];

export const COGNITO_GUEST_INLINE_POLICY_NAME = 'session policy (inline, Cognito unauthenticated scope-down)';

/** The session policies Cognito passes for an enhanced-flow guest: the inline list, then the managed policies. */
export function cognitoGuestSessionPolicies(): NamedPolicy[] {
  const inline: NamedPolicy = {
    name: COGNITO_GUEST_INLINE_POLICY_NAME,
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: [...COGNITO_GUEST_ALLOWED_ACTIONS], Resource: '*' }],
    },
  };
  const managed = [COGNITO_UNAUTHED_SESSION_POLICY_ARN, COGNITO_UNAUTHENTICATED_IDENTITIES_ARN].map((arn) => {
    const p = AWS_MANAGED_POLICIES[arn];
    if (!p) throw new Error(`missing AWS managed policy ${arn}`);
    return { name: p.policyName, arn: p.arn, document: p.document };
  });
  return [inline, ...managed];
}
