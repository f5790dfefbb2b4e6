/**
 * AWS managed policies the simulation needs, as data (ARN → policy). Documents as published in the
 * AWS Managed Policy Reference (docs.aws.amazon.com/aws-managed-policy/latest/reference/<Name>.html).
 * They live outside world.state because AWS owns them: every account sees the same documents.
 */
import type { IamManagedPolicy } from '../state-model';
import type { PolicyDocument } from '../types';

/** AWS managed policies carry their published creation dates, not the world clock. */
const date = (iso: string): number => Date.parse(iso);

function awsManaged(
  policyName: string,
  versionId: string,
  createdIso: string,
  document: PolicyDocument,
  description: string,
  path = '/',
): IamManagedPolicy {
  return {
    policyName,
    path,
    arn: `arn:aws:iam::aws:policy${path}${policyName}`,
    // AWS managed policies have fixed ANPA ids; these are stand-ins of the right shape.
    policyId: `ANPA${policyName
      .toUpperCase()
      .replace(/[^A-Z]/g, '')
      .padEnd(17, 'X')
      .slice(0, 17)}`,
    defaultVersionId: versionId,
    document,
    description,
    createDate: date(createdIso),
  };
}

/**
 * The guardrail Cognito adds as a session policy (PolicyArns) to enhanced-flow guest credentials.
 * v3 (edited 2024-11-01) as documented; docs/aws-reference.md §4.9 notes a later v4 that only adds geo:ListMaps.
 */
export const COGNITO_UNAUTHED_SESSION_POLICY_ARN =
  'arn:aws:iam::aws:policy/AmazonCognitoUnAuthedIdentitiesSessionPolicy';
/** The older guest managed policy (v1, Feb 2023): CloudWatch RUM only. */
export const COGNITO_UNAUTHENTICATED_IDENTITIES_ARN =
  'arn:aws:iam::aws:policy/AmazonCognitoUnauthenticatedIdentities';
export const S3_READ_ONLY_ACCESS_ARN = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
export const READ_ONLY_ACCESS_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

const list: IamManagedPolicy[] = [
  awsManaged(
    'AmazonCognitoUnAuthedIdentitiesSessionPolicy',
    'v3',
    '2023-07-19T23:04:00Z',
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CognitoUnAuthedIdentitiesSessionPolicy',
          Effect: 'Allow',
          Action: [
            'rum:PutRumEvents',
            'sagemaker:InvokeEndpoint',
            'polly:*',
            'comprehend:*',
            'translate:*',
            'transcribe:*',
            'rekognition:*',
            'mobiletargeting:*',
            'firehose:*',
            'personalize:*',
            'geo:GetMap*',
            'geo:SearchPlaceIndex*',
            'geo:GetPlace',
            'geo:CalculateRoute*',
            'geo:*Geofence',
            'geo:*Geofences',
            'geo:*DevicePosition*',
            'kms:Encrypt',
            'kms:Decrypt',
            'kms:ReEncryptTo',
            'kms:ReEncryptFrom',
            'kms:GenerateDataKey',
            'kms:GenerateDataKeyPair',
            'kms:GenerateDataKeyPairWithoutPlaintext',
            'kms:GenerateDataKeyWithoutPlaintext',
          ],
          Resource: '*',
        },
      ],
    },
    'Cognito unauthenticated identities session policy: a guardrail Cognito includes automatically as a scope-down policy; do not attach it to roles.',
  ),
  awsManaged(
    'AmazonCognitoUnauthenticatedIdentities',
    'v1',
    '2023-02-01T22:36:00Z',
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'rum:PutRumEvents', Resource: '*' }] },
    'The set of permissions allowed for unauthenticated identities for Cognito Identity Pools, included automatically as a scoped-down policy.',
  ),
  awsManaged(
    'AmazonS3ReadOnlyAccess',
    'v3',
    '2015-02-06T18:40:59Z',
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
          Resource: '*',
        },
      ],
    },
    'Provides read only access to all buckets via the AWS Management Console.',
  ),
  awsManaged(
    'AdministratorAccess',
    'v1',
    '2015-02-06T18:39:46Z',
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    'Provides full access to AWS services and resources.',
  ),
];

export const AWS_MANAGED_POLICIES: Record<string, IamManagedPolicy> = Object.fromEntries(
  list.map((p) => [p.arn, p]),
);
