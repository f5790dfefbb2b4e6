// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} in policy text is IAM policy-variable syntax
/**
 * Attributes for access control in the demo: the user pool's `custom:department` attribute (alice is in
 * platform, bob in research; demo/user-pool.ts) becomes the principal tag `department` through the
 * identity pool's principal-tag map, and one customer managed policy on the signed-in roles opens
 * `departments/${aws:PrincipalTag/department}/*` of the bucket — each department reaches its own prefix
 * and no other, whatever role the user ends up with (Cognito guide, "Attributes for access control";
 * IAM guide, "IAM tutorial: Use SAML session tags for ABAC" for the policy pattern).
 * Seeded after every other part so that the ids it draws (the policy id) leave the others unchanged.
 */
import { createDict, getOwn, setOwn } from '../core/dict';
import type { Demo } from '../types';
import { attachPolicy, createPolicy } from '../iam/state';
import type { PolicyDocument } from '../iam/types';
import { seedObject } from '../services/s3/store';
import type { World } from '../world';
import { DEMO_ROLE_NAMES } from './iam';
import type { DemoIds } from './ids';
import { DEMO_USERS } from './user-pool';

export const DEPARTMENT_TAG = 'department';
export const DEPARTMENT_ATTRIBUTE = 'custom:department';
export const DEMO_DEPARTMENTS = { alice: 'platform', bob: 'research' } as const;
export const DEPARTMENT_POLICY_NAME = 'AtlasDepartmentAccess';

export const departmentPrefix = (department: string) => `departments/${department}/`;

export function departmentPolicy(bucket: string): PolicyDocument {
  const arn = `arn:aws:s3:::${bucket}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OwnDepartmentPrefix',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: `${arn}/departments/\${aws:PrincipalTag/department}/*`,
      },
      {
        Sid: 'ListOwnDepartmentPrefix',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: arn,
        Condition: { StringLike: { 's3:prefix': 'departments/${aws:PrincipalTag/department}/*' } },
      },
    ],
  };
}

/** Seeds the departments part into fresh state (runs once per new cloud, never on restore). */
export async function seedDepartments(world: World, ids: DemoIds): Promise<void> {
  const policy = createPolicy(world, {
    policyName: DEPARTMENT_POLICY_NAME,
    document: departmentPolicy(ids.bucket),
    description: 'Each department reads and writes its own prefix, chosen by the department principal tag',
  });
  for (const name of [DEMO_ROLE_NAMES.authenticated, DEMO_ROLE_NAMES.admins, DEMO_ROLE_NAMES.readers]) {
    const role = getOwn(world.state.iam.roles, name);
    if (role) attachPolicy(world, role, policy.arn);
  }
  const provider = `cognito-idp.${world.region}.amazonaws.com/${ids.userPoolId}`;
  const state = world.state.cognitoIdentity;
  state.principalTagMaps ??= createDict();
  setOwn(state.principalTagMaps, `${ids.identityPoolId}|${provider}`, {
    UseDefaults: false,
    PrincipalTags: createDict({ [DEPARTMENT_TAG]: DEPARTMENT_ATTRIBUTE }),
  });
  const bucket = getOwn(world.state.s3.buckets, ids.bucket);
  if (!bucket) return;
  await seedObject(
    world,
    bucket,
    `${departmentPrefix(DEMO_DEPARTMENTS.alice)}roadmap.txt`,
    'Platform roadmap: only the platform department can read this.\n',
  );
  await seedObject(
    world,
    bucket,
    `${departmentPrefix(DEMO_DEPARTMENTS.bob)}findings.txt`,
    'Research findings: only the research department can read this.\n',
  );
}

/** The departments part of `cloud.demo`. */
export function describeDepartments(_world: World, ids: DemoIds): Partial<Demo> {
  return {
    departments: {
      bucket: ids.bucket,
      tagKey: DEPARTMENT_TAG,
      attribute: DEPARTMENT_ATTRIBUTE,
      prefixFor: departmentPrefix,
      users: [DEMO_USERS.alice, DEMO_USERS.bob].map(({ username, password }) => ({
        username,
        password,
        department: DEMO_DEPARTMENTS[username],
      })),
      objects: {
        [DEMO_DEPARTMENTS.alice]: `${departmentPrefix(DEMO_DEPARTMENTS.alice)}roadmap.txt`,
        [DEMO_DEPARTMENTS.bob]: `${departmentPrefix(DEMO_DEPARTMENTS.bob)}findings.txt`,
      },
    },
  };
}
