/**
 * The scope-down Cognito adds to enhanced-flow guest credentials (docs/aws-reference.md §4.9; Cognito Developer
 * Guide, "IAM roles" → "Access policies" for unauthenticated identities). GetCredentialsForIdentity
 * passes an inline session policy naming the services guests may reach, plus AWS managed policy ARNs.
 * All session policies of one STS call together form the ceiling: an action is inside it when any
 * of them allows it (our reading, docs/aws-reference.md §4.9 and section 12). The basic flow adds none of this.
 */
import type { NamedPolicy } from '../types';
import {
  AWS_MANAGED_POLICIES,
  COGNITO_UNAUTHED_SESSION_POLICY_ARN,
  COGNITO_UNAUTHENTICATED_IDENTITIES_ARN,
} from './aws-managed';

/**
 * Services reachable by enhanced-flow guests, as action patterns. Source: Cognito Developer Guide,
 * "IAM roles" → "Access policies" (awsdocs/amazon-cognito-developer-guide, doc_source/iam-roles.md):
 * "Amazon Cognito applies a scope-down policy to credentials vended by GetCredentialForIdentity to
 * prevent access to services other than the ones listed below for your unauthenticated users", then
 * a table of services with restricted actions (KMS, SageMaker, Textract, Sumerian). Entries marked
 * [guide] are on that list; entries marked [later] are not on the archived list and were kept from the
 * console-era page this list was first written from (unv: AWS's current page could not be re-read).
 * The managed AmazonCognitoUnAuthedIdentitiesSessionPolicy (aws-managed.ts) is passed alongside.
 */
export const COGNITO_GUEST_ALLOWED_ACTIONS: readonly string[] = [
  'appsync:*', // [guide] AWS AppSync
  'cloudwatch:*', // [guide] Amazon CloudWatch
  'cognito-identity:*', // [guide] Amazon Cognito Identity
  'cognito-sync:*', // [guide] Amazon Cognito Sync
  'comprehend:*', // [guide] Amazon Comprehend
  'dynamodb:*', // [guide] Amazon DynamoDB
  'gamelift:*', // [guide] Amazon GameLift
  'iot:*', // [guide] AWS IoT
  'kms:Encrypt', // [guide] KMS, restricted: Encrypt, Decrypt, ReEncrypt, GenerateDataKey
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'firehose:*', // [guide] Amazon Kinesis Data Firehose
  'kinesis:*', // [guide] Amazon Kinesis Data Streams
  'lambda:*', // [guide] AWS Lambda
  'lex:*', // [guide] Amazon Lex
  'geo:*', // [guide] Amazon Location Service
  'machinelearning:*', // [guide] Amazon Machine Learning
  'mobileanalytics:*', // [guide] Amazon Mobile Analytics
  'mobiletargeting:*', // [guide] Amazon Pinpoint
  'polly:*', // [guide] Amazon Polly
  'rekognition:*', // [guide] Amazon Rekognition
  'sdb:*', // [guide] Amazon SimpleDB
  'ses:*', // [guide] Amazon SES
  'sns:*', // [guide] Amazon SNS
  'sqs:*', // [guide] Amazon SQS
  's3:*', // [guide] Amazon S3
  'sumerian:View*', // [guide] Amazon Sumerian, restricted: View*
  'transcribe:*', // [guide] Amazon Transcribe
  'translate:*', // [guide] Amazon Translate
  'sagemaker:InvokeEndpoint', // [guide] Amazon SageMaker, restricted: InvokeEndpoint
  'textract:DetectDocumentText', // [guide] Amazon Textract, restricted
  'textract:AnalyzeDocument',
  'kinesisanalytics:*', // [later] Kinesis Data Analytics
  'personalize:*', // [later] Amazon Personalize (also in the managed session policy)
  'codewhisperer:*', // [later]
  'logs:*', // [later] CloudWatch Logs
  'execute-api:*', // [later] API Gateway
  'cognito-idp:*', // [later] Amazon Cognito user pools
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
