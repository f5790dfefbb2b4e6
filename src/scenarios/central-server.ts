import { s3Request, stsRequest } from '../wire/aws-requests';
import { xmlText } from '../wire/aws-responses';
import { credentialsFromStsXml } from '../wire/credentials';
import { getFederationTokenStep } from './steps/sts';
import type { Scenario, ScenarioStep, StepContext } from './types';

/**
 * The central-server pattern (IAM User Guide, "Comparing AWS STS credentials" and "Request temporary
 * security credentials"): a trusted server holds an IAM user's long-term keys and MFA, and hands
 * short-lived keys to a developer on an unmanaged laptop. GetSessionToken keeps the user's own
 * permissions (up to 36 h); GetFederationToken with a session policy really narrows them.
 */

/**
 * A key the IAM user's own policy (UseTheBucket: s3:PutObject on the bucket) allows and the bucket
 * policy does not deny (it denies writes outside public/ and each identity's own private/ prefix).
 */
const HANDOFF_KEY = 'public/handoff.txt';
const THIRTY_SIX_HOURS = 129_600;

function serverKeys(ctx: StepContext) {
  const user = ctx.need(ctx.demo.iamUser, "the demo IAM user's long-term keys (cloud.demo.iamUser)");
  return { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey };
}

const sessionTokenWithMfa: ScenarioStep = {
  id: 'server-get-session-token',
  label: '1',
  title: 'The server gets 36-hour session keys with MFA (GetSessionToken)',
  from: 'broker',
  to: 'sts',
  packet: 'signedRequest',
  returns: 'credentials',
  operation: 'GetSessionToken',
  expect: 'success',
  narration: {
    what: 'The trusted server signs GetSessionToken with the IAM user atlas-developer’s long-term AKIA keys, adds the user’s MFA device (SerialNumber) and its current 6-digit code (TokenCode), and asks for DurationSeconds 129600: 36 hours, the longest an IAM user may get (the default is 12 h).',
    why: 'The long-term keys never leave the server; the laptop gets ASIA keys that expire by themselves, and because MFA was proved they carry aws:MultiFactorAuthPresent into every call.',
    misunderstanding:
      'These are not role credentials: they are the same IAM user with the same policies, only temporary. No IAM policy decides GetSessionToken itself.',
  },
  code: (demo) => ({
    sdk: `const { Credentials } = await sts.send(new GetSessionTokenCommand({
  DurationSeconds: ${THIRTY_SIX_HOURS}, // 36 h, the maximum for an IAM user
  SerialNumber: '${demo.iamUser?.mfaSerial ?? '<MFA device ARN>'}',
  TokenCode: '123456', // the code the device shows now
}));`,
    cli: `aws sts get-session-token --duration-seconds ${THIRTY_SIX_HOURS} \\
  --serial-number ${demo.iamUser?.mfaSerial ?? '<MFA device ARN>'} --token-code 123456`,
  }),
  async run(ctx) {
    const user = ctx.need(ctx.demo.iamUser, "the demo IAM user's MFA device");
    const request = stsRequest(ctx.region, 'GetSessionToken', {
      DurationSeconds: String(THIRTY_SIX_HOURS),
      SerialNumber: user.mfaSerial,
      TokenCode: await user.mfaCode(ctx.now()),
    });
    const response = await ctx.fetch(await ctx.sign(request, serverKeys(ctx), 'sts'));
    const credentials = credentialsFromStsXml(await response.clone().text(), xmlText);
    if (credentials) ctx.vars.credentials = credentials;
  },
};

function putHandoff(
  id: string,
  label: string,
  title: string,
  expect: 'success' | 'denied',
  narration: ScenarioStep['narration'],
): ScenarioStep {
  return {
    id,
    label,
    title,
    from: 'developer',
    to: 's3',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'PutObject',
    expect,
    ...(expect === 'denied' ? { refusal: 'AccessDenied' } : {}),
    narration,
    code: (demo) => ({
      sdk: `await new S3Client({ credentials }).send(new PutObjectCommand({ Bucket: '${demo.bucket ?? '<bucket>'}', Key: '${HANDOFF_KEY}', Body: 'hello' }));`,
      cli: `aws s3api put-object --bucket ${demo.bucket ?? '<bucket>'} --key ${HANDOFF_KEY} --body notes.txt`,
    }),
    async run(ctx) {
      const request = await s3Request(ctx.region, ctx.demo.bucket, HANDOFF_KEY, 'PUT', 'from the laptop');
      await ctx.fetch(await ctx.sign(request, ctx.need(ctx.vars.credentials, 'the handed-out keys'), 's3'));
    },
  };
}

const laptopWritesWithSessionKeys = putHandoff(
  'laptop-put-with-session-keys',
  '1.5',
  'The laptop writes to S3 with the session keys: allowed',
  'success',
  {
    what: `The developer’s laptop signs PutObject for ${HANDOFF_KEY} with the session keys. IAM evaluates atlas-developer’s own policies (UseTheBucket allows s3:PutObject on the whole bucket) and the bucket policy (writes to public/ are not denied): 200. The request is made as the IAM user arn:aws:iam::<account>:user/atlas-developer, not as a role session.`,
    why: 'GetSessionToken takes no session policy, so whatever the user may do, the laptop may do, for up to 36 hours. With MFA in the request they may even call IAM; without it, IAM APIs are refused (this simulator has no IAM API endpoint to show that call).',
    misunderstanding:
      'Short-lived is not least-privilege: session keys are as powerful as the user’s long-term keys. In STS they may only call AssumeRole and GetCallerIdentity.',
  },
);

const laptopWritesWithFederatedKeys = putHandoff(
  'laptop-put-with-federated-keys',
  '2.5',
  'The laptop tries the same write with the federated keys: refused',
  'denied',
  {
    what: `The same PutObject for ${HANDOFF_KEY}, now signed with the federated-user keys. The user’s policy still allows it, but the session policy allows only s3:GetObject, and the effective permission is the intersection: 403 AccessDenied.`,
    why: 'A session policy can only take away. The server decides per hand-out what the laptop gets, without creating IAM users or roles.',
    misunderstanding:
      'GetFederationToken without a session policy gives no permissions at all, and its keys can call no IAM API and in STS only GetCallerIdentity.',
  },
);

export const centralServerPattern: Scenario = {
  id: 'central-server-session-keys',
  title: 'The central-server pattern: GetSessionToken vs GetFederationToken',
  summary:
    'A trusted server with MFA hands a developer’s laptop 36-hour GetSessionToken keys (the user’s own permissions), then GetFederationToken keys whose session policy really narrows them.',
  group: 'sts',
  identity: 'iamUser',
  actors: ['broker', 'developer', 'sts', 'iam', 's3'],
  actorRoles: {
    developer: {
      label: 'Laptop',
      kind: 'Handed-out keys',
      about: 'the developer’s unmanaged laptop, holding only the temporary keys the server hands it',
      what: 'The developer’s unmanaged laptop. It never holds the IAM user’s long-term keys: it signs its requests with the temporary keys the server handed it, first GetSessionToken’s, then GetFederationToken’s.',
    },
  },
  steps: [
    sessionTokenWithMfa,
    laptopWritesWithSessionKeys,
    getFederationTokenStep({
      id: 'server-get-federation-token',
      label: '2',
      title: 'The server hands out GetFederationToken keys with a read-only session policy',
      narration: {
        what: 'The server signs GetFederationToken with the same long-term keys, names the developer (carol-from-portal) and passes a session policy that allows only s3:GetObject. The keys stand for arn:aws:sts::<account>:federated-user/carol-from-portal.',
        why: 'Effective permissions = atlas-developer’s policies ∩ the session policy, so this hand-out can read but not write.',
        misunderstanding:
          'GetFederationToken must be called with long-term keys (session keys are refused) and takes no MFA; its duration is also 15 min to 36 h.',
      },
    }),
    laptopWritesWithFederatedKeys,
  ],
};
