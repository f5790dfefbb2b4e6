import type { Demo } from '../types';
import type { PolicyDocument } from '../iam/types';
import { createBucket, seedObject } from '../services/s3/store';
import type { World } from '../world';
import type { DemoIds } from './ids';

/**
 * The demo bucket's policy. The identity pool roles grant the reads and writes; the bucket policy
 * only takes away, as a guard rail that holds whatever a role says:
 * - nothing over plain HTTP (the documented `aws:SecureTransport` pattern);
 * - no writes anywhere except `public/`, the caller's own `private/<identity id>/` prefix and its
 *   department's `departments/<aws:PrincipalTag/department>/` prefix. A caller
 *   without a `cognito-identity.amazonaws.com:sub` (an IAM user, say) has no own prefix: the policy
 *   variable has no value, that NotResource entry matches nothing, and the deny applies.
 */
export function demoBucketPolicy(bucket: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'DenyWritesOutsidePublicAndOwnPrivatePrefix',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:PutObject', 's3:DeleteObject'],
        NotResource: [
          `arn:aws:s3:::${bucket}/public/*`,
          `arn:aws:s3:::${bucket}/private/\${cognito-identity.amazonaws.com:sub}/*`,
          // The caller's own department prefix (attributes for access control, demo/departments.ts).
          `arn:aws:s3:::${bucket}/departments/\${aws:PrincipalTag/department}/*`,
        ],
      },
    ],
  };
}

export const DEMO_WELCOME_TEXT =
  'Welcome to Identity Atlas! This object lives at public/welcome.txt in the demo bucket.\n';

/** Seeds the demo world's s3 part into fresh state (runs once per new cloud, never on restore). */
export async function seedS3(world: World, ids: DemoIds): Promise<void> {
  const bucket = createBucket(world, ids.bucket);
  bucket.policy = demoBucketPolicy(ids.bucket);
  await seedObject(world, bucket, 'public/welcome.txt', DEMO_WELCOME_TEXT);
  await seedObject(
    world,
    bucket,
    'public/guides/identity-pools.txt',
    'Identity pools trade a login for temporary AWS credentials.\n',
  );
  await seedObject(
    world,
    bucket,
    'public/guides/sigv4.txt',
    'Every AWS request is signed with Signature Version 4.\n',
  );
}

/** The s3 part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeS3(_world: World, ids: DemoIds): Partial<Demo> {
  return { bucket: ids.bucket };
}
