// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} in narration is IAM policy-variable syntax
import { s3Request } from '../wire/aws-requests';
import { getCredentialsStep, getIdStep } from './steps/identity-pool';
import { userPoolSignIn } from './steps/user-pool';
import type { Demo } from '../sim/index';
import type { Scenario, ScenarioStep, StepContext } from './types';

/**
 * Attributes for access control: the user's `custom:department` becomes the session tag `department`,
 * and one policy statement with `${aws:PrincipalTag/department}` gives each department its own S3 prefix.
 */

/** The signed-in demo user (alice) and the other department's user (bob). */
function departmentsOf(demo: Demo) {
  const users = demo.departments?.users ?? [];
  const first = demo.userPool?.users?.[0]?.username;
  const own = users.find((u) => u.username === first);
  const other = users.find((u) => u.username !== first);
  return { own, other };
}

function objectKey(demo: Demo, which: 'own' | 'other'): string {
  const department = departmentsOf(demo)[which]?.department ?? '';
  return demo.departments?.objects[department] ?? `departments/${department}/`;
}

function readDepartmentStep(which: 'own' | 'other'): ScenarioStep {
  const own = which === 'own';
  return {
    id: own ? 's3-read-own-department' : 's3-read-other-department',
    label: own ? '3' : '3.5',
    title: own ? 'Read your department’s file' : 'Read another department’s file',
    from: 'app',
    to: 's3',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'GetObject',
    expect: own ? 'success' : 'denied',
    refusal: own ? undefined : 'AccessDenied',
    narration: own
      ? {
          what: 'The app signs GetObject for a file under departments/platform/. IAM fills in ${aws:PrincipalTag/department} in the role policy AtlasDepartmentAccess with the session’s tag, platform, and the resource matches: 200. The IAM panel lists the variable and its value.',
          why: 'At GetCredentialsForIdentity the identity pool read custom:department from the ID token (its principal-tag map for the user pool says department ← custom:department) and passed it to STS as a session tag; the role’s trust policy allows sts:TagSession, without which STS would refuse the whole exchange.',
          misunderstanding:
            'Groups and roles are not the only way to tell users apart: attributes become session tags, and one policy serves every department (attribute-based access control).',
        }
      : {
          what: 'The same credentials ask for a file under departments/research/. The variable still resolves to platform, so the statement’s resource departments/platform/* does not match this key, nothing else allows it: 403 AccessDenied.',
          why: 'The tag comes from the user’s attribute, checked when the credentials were made; the app cannot choose another department without new credentials for a user in it.',
          misunderstanding:
            'A session tag is fixed for the life of the credentials: changing the user’s attribute affects only credentials issued afterwards.',
        },
    code: (demo) => ({
      sdk: `await s3.send(new GetObjectCommand({ Bucket: '${demo.departments?.bucket ?? '<bucket>'}', Key: '${objectKey(demo, which)}' }));`,
      cli: `aws s3api get-object --bucket ${demo.departments?.bucket ?? '<bucket>'} --key ${objectKey(demo, which)} out.txt`,
    }),
    async run(ctx: StepContext) {
      const departments = ctx.need(ctx.demo.departments, 'the demo departments (cloud.demo.departments)');
      const request = await s3Request(ctx.region, departments.bucket, objectKey(ctx.demo, which), 'GET');
      await ctx.fetch(await ctx.sign(request, ctx.need(ctx.vars.credentials, 'AWS credentials'), 's3'));
    },
  };
}

export const departmentAccess: Scenario = {
  id: 'abac-departments',
  title: 'Attributes for access control: each department reaches only its own S3 prefix',
  summary:
    'custom:department becomes the session tag department; ${aws:PrincipalTag/department} in one policy opens one prefix per department.',
  group: 'flows',
  identity: 'userPool',
  actors: ['app', 'userPool', 'identityPool', 'sts', 'iam', 's3'],
  steps: [
    userPoolSignIn(),
    getIdStep('userPool'),
    getCredentialsStep('userPool', {
      narration: {
        what: 'GetCredentialsForIdentity with the ID token. Besides choosing the role, the identity pool applies its attributes-for-access-control map: the token’s custom:department claim (platform) becomes the principal tag department, sent to STS with AssumeRoleWithWebIdentity as a session tag.',
        why: 'STS evaluates the role’s trust policy twice: sts:AssumeRoleWithWebIdentity, and sts:TagSession because tags are passed. A trust policy without sts:TagSession makes Cognito answer InvalidIdentityPoolConfigurationException.',
        misunderstanding:
          'The tag is not read from the user pool at request time: it is copied into the session when the credentials are made.',
      },
    }),
    readDepartmentStep('own'),
    readDepartmentStep('other'),
  ],
};
