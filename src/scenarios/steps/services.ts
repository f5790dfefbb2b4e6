import { jsonRequest, s3Request } from '../../wire/aws-requests';
import type { Narration, ScenarioStep } from '../types';

/** The object every identity pool role may read (demo bucket layout, team brief). */
export const PUBLIC_OBJECT_KEY = 'public/welcome.txt';

function privateKey(identityId: string): string {
  return `private/${identityId}/notes.txt`;
}

/**
 * Who holds the credentials: a guest's session also carries Cognito's scope-down session policies;
 * `saml-role` is AtlasSamlRole (the role ExampleCorp's assertion names), whose only policy is ReadPublic.
 */
export type S3Caller = 'signed-in' | 'guest' | 'saml-role';

/** What the IAM trace adds for an enhanced-flow guest (see the narration facts test). */
const GUEST_SESSION_NOTE =
  'For this guest the trace has one more layer: Cognito’s scope-down session policy, which lists S3, so it allows the call too.';

export function s3ReadPublicStep(
  overrides: Partial<ScenarioStep> = {},
  caller: S3Caller = 'signed-in',
): ScenarioStep {
  const guestNote = caller === 'guest' ? ` ${GUEST_SESSION_NOTE}` : '';
  return {
    id: 's3-read-public',
    label: '3',
    title: 'Read a public file from S3',
    from: 'app',
    to: 's3',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'GetObject',
    expect: 'success',
    narration: {
      what: `The app signs GetObject for ${PUBLIC_OBJECT_KEY} with SigV4 using the temporary credentials. S3 verifies the signature, then IAM evaluates the role's policies (and any session policies) and the bucket policy.${guestNote}`,
      why: 'The credentials stand for the role chosen in the step before (by the identity pool in the enhanced flow, by the app in the basic flow). In this demo every identity-pool role carries a ReadPublic statement that allows s3:GetObject on public/*: the main pool’s roles (guest, authenticated, admins, readers) through AtlasIdentityPoolAccess, the classic pool’s through AtlasClassicPoolAccess, and AtlasSamlRole (which ExampleCorp’s assertion names) through its own ReadPublic policy.',
      misunderstanding:
        'Session policies only restrict: the effective permission is an intersection of the role’s policies and the session policies.',
    },
    code: (demo) => ({
      sdk: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: '${demo.region}', credentials });
const object = await s3.send(new GetObjectCommand({ Bucket: '${demo.bucket ?? '<bucket>'}', Key: '${PUBLIC_OBJECT_KEY}' }));`,
      cli: `aws s3api get-object --bucket ${demo.bucket ?? '<bucket>'} --key ${PUBLIC_OBJECT_KEY} welcome.txt`,
    }),
    async run(ctx) {
      const request = await s3Request(ctx.region, ctx.demo.bucket, PUBLIC_OBJECT_KEY, 'GET');
      await ctx.fetch(
        await ctx.sign(request, ctx.need(ctx.vars.credentials, 'AWS credentials from an earlier step'), 's3'),
      );
    },
    ...overrides,
  };
}

/** Writes under `private/<identity id>/`; `target: 'other'` aims at another identity's prefix. */
export function s3WritePrivateStep(
  target: 'own' | 'other',
  overrides: Partial<ScenarioStep> = {},
  caller: S3Caller = 'signed-in',
): ScenarioStep {
  const own = target === 'own';
  const guest = caller === 'guest';
  return {
    id: own ? 's3-write-own' : 's3-write-other',
    label: '3',
    title: own ? 'Write to your own private/ folder' : "Write to another identity's private/ folder",
    from: 'app',
    to: 's3',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'PutObject',
    expect: own && caller !== 'saml-role' ? 'success' : 'denied',
    refusal: own && caller !== 'saml-role' ? undefined : 'AccessDenied',
    narration: guest
      ? guestWriteNarration(own)
      : caller === 'saml-role'
        ? samlRoleWriteNarration(own)
        : own
          ? {
              // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
              what: 'The app signs PutObject to private/<identity id>/notes.txt. The policy statement’s resource private/${cognito-identity.amazonaws.com:sub}/* is filled in with this caller’s identity id and matches.',
              why: 'One role serves every user; the policy variable gives each identity its own folder.',
              misunderstanding:
                // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
                '${cognito-identity.amazonaws.com:sub} is the identity id (region:GUID), not the user pool sub.',
            }
          : {
              what: 'The app signs PutObject to a private/ folder named after a different identity id. Two layers refuse it: the role’s policy allows writes only under private/<its own id>/ (the policy variable resolves to the caller’s id, so nothing there allows this key), and the demo bucket policy explicitly denies writes outside public/ and the caller’s own private/ prefix. S3 reports the explicit deny.',
              why: 'The same role does not mean the same data: the identity id in the policy variable separates users, and the bucket policy enforces it for every principal.',
              misunderstanding:
                'Explicit deny always wins: even a role that allowed this write would be refused by the bucket policy’s Deny. Without that Deny, the implicit deny (nothing allowed it) would still refuse it with the same 403 AccessDenied.',
            },
    code: (demo) => ({
      sdk: `await s3.send(new PutObjectCommand({
  Bucket: '${demo.bucket ?? '<bucket>'}',
  Key: \`private/\${${own ? 'IdentityId' : 'otherIdentityId'}}/notes.txt\`, // ${own ? 'your own identity id' : 'someone else’s identity id'}
  Body: 'hello',
}));`,
      cli: `aws s3api put-object --bucket ${demo.bucket ?? '<bucket>'} --key "private/$${own ? 'IDENTITY_ID' : 'OTHER_ID'}/notes.txt" --body notes.txt`,
    }),
    async run(ctx) {
      const credentials = ctx.need(ctx.vars.credentials, 'AWS credentials from an earlier step');
      const mine = ctx.need(ctx.vars.identityId, 'the identity id');
      const region = mine.split(':')[0] ?? ctx.region;
      // Another well-formed identity id in the same pool's format.
      const other = `${region}:00000000-0000-4000-8000-000000000000`;
      const key = privateKey(own ? mine : other);
      const request = await s3Request(ctx.region, ctx.demo.bucket, key, 'PUT', 'hello from Identity Atlas');
      await ctx.fetch(await ctx.sign(request, credentials, 's3'));
    },
    ...overrides,
  };
}

/**
 * The guest's two writes, as the engine's IAM trace decides them: the guest role carries the same
 * AtlasIdentityPoolAccess policy as the signed-in roles, so its own prefix is allowed (OwnPrivatePrefix,
 * and the scope-down session policy lists S3) and another identity's prefix meets the bucket policy's Deny.
 */
function guestWriteNarration(own: boolean): Narration {
  return own
    ? {
        what: `The guest signs PutObject to private/<its own identity id>/notes.txt, and S3 answers 200. The guest role (AtlasGuestRole) carries the same policy as the signed-in roles: its OwnPrivatePrefix statement, private/\${cognito-identity.amazonaws.com:sub}/*, is filled in with the guest's identity id and matches. ${GUEST_SESSION_NOTE} The bucket policy's Deny leaves the caller's own prefix alone.`,
        why: 'A guest has an identity id too, so the same policy variable gives it a folder of its own. What differs from a signed-in user is how long that id lasts: nothing ties it to a person, so the folder is reachable only while this app keeps the id.',
        misunderstanding:
          '“Guests are read-only” is not a Cognito rule: it is whatever the unauthenticated role allows. This demo lets guests write their own prefix; leave the write out of the guest role if yours must not.',
      }
    : {
        what: 'The guest signs PutObject to a private/ folder named after a different identity id, and S3 answers 403 AccessDenied, exactly as it does for the signed-in user. The role’s OwnPrivatePrefix statement resolves to the guest’s own id and does not match this key, and the bucket policy’s DenyWritesOutsidePublicAndOwnPrivatePrefix applies: an explicit deny.',
        why: 'The refusal comes from whose folder it is, not from being a guest: the identity id in the policy variable separates every caller, signed in or not.',
        misunderstanding:
          'Explicit deny always wins: even a role that allowed this write would be refused by the bucket policy’s Deny.',
      };
}

/**
 * AtlasSamlRole's two writes, as the engine decides them: the role carries only the inline ReadPublic
 * policy (s3:GetObject and s3:ListBucket on public/), so its own prefix is an implicit deny and another
 * identity's prefix meets the bucket policy's explicit Deny as well.
 */
function samlRoleWriteNarration(own: boolean): Narration {
  return own
    ? {
        what: 'The employee signs PutObject to private/<its own identity id>/notes.txt, and S3 answers 403 AccessDenied. The credentials are for AtlasSamlRole, the role ExampleCorp’s assertion names, and its only policy is ReadPublic (GetObject and ListBucket on public/). No statement allows PutObject: an implicit deny. The bucket policy leaves the caller’s own prefix alone, so nothing there refuses it either; nothing allows it.',
        why: 'Who may do what is the role’s policy, not the kind of sign-in. The user pool, Google and guest roles carry AtlasIdentityPoolAccess, whose OwnPrivatePrefix statement allows this write; the SAML role in this demo was given read-only access.',
        misunderstanding:
          'A SAML login is not “more trusted” than a social one: the identity pool gives it an identity id like any other, and the role you choose for it decides the rest.',
      }
    : {
        what: 'The employee signs PutObject to a private/ folder named after a different identity id: 403 AccessDenied, as for every other kind of user. Two layers refuse it: AtlasSamlRole allows no writes at all (implicit deny), and the bucket policy’s DenyWritesOutsidePublicAndOwnPrivatePrefix applies (explicit deny), which is what S3 reports.',
        why: 'Another identity’s folder is refused for everyone here; this role cannot even write its own.',
        misunderstanding: 'Explicit deny always wins; an implicit deny gives the same 403 AccessDenied.',
      };
}

export function apiWithJwtStep(
  token: 'idToken' | 'accessToken',
  overrides: Partial<ScenarioStep> = {},
): ScenarioStep {
  const id = token === 'idToken';
  return {
    id: id ? 'api-with-id-token' : 'api-with-access-token',
    label: '1.5',
    title: id ? 'Call API Gateway with the ID token' : 'Call API Gateway with the access token',
    from: 'app',
    to: 'apiGateway',
    packet: 'jwt',
    returns: 'data',
    // No `via`: a COGNITO_USER_POOLS authorizer checks the JWT itself (JWKS, iss, exp); IAM is not asked.
    operation: 'GET /me',
    expect: 'success',
    narration: {
      what: `The app calls GET /me with the ${id ? 'ID' : 'access'} token in the Authorization header. API Gateway's Cognito user pool authorizer checks the signature against the pool's JWKS, the issuer and the expiry, then passes the claims to the backend.`,
      why: 'If your app only needs to call your own API, stop here: no identity pool and no AWS credentials are needed. The JWT is enough.',
      misunderstanding:
        'A REST API Cognito authorizer without scopes expects the ID token; with scopes it needs the access token (the scenario “Which token does an API method with OAuth scopes want?” shows both answers). Claims reaching a REST API backend are all strings.',
    },
    code: (demo) => ({
      sdk: `const response = await fetch('${demo.api?.url ?? '<stage URL>'}/me', {
  headers: { Authorization: ${id ? 'idToken' : 'accessToken'} },
});`,
      cli: `curl -H "Authorization: $${id ? 'ID_TOKEN' : 'ACCESS_TOKEN'}" ${demo.api?.url ?? '<stage URL>'}/me`,
    }),
    async run(ctx) {
      const jwt = ctx.need(ctx.vars[token], id ? 'the ID token' : 'the access token');
      await ctx.fetch(new Request(`${ctx.demo.api?.url}/me`, { headers: { authorization: jwt } }));
    },
    ...overrides,
  };
}

export function apiWithIamStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'api-with-sigv4',
    label: '3',
    title: 'Call API Gateway with SigV4 (AWS_IAM)',
    from: 'app',
    to: 'apiGateway',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'GET /iam',
    expect: 'success',
    narration: {
      what: 'The app signs GET /iam with SigV4 (service execute-api) using the temporary credentials. API Gateway verifies the signature and asks IAM whether the caller may execute-api:Invoke this route.',
      why: 'AWS_IAM authorization works for guests and signed-in users alike, because both hold AWS credentials from the identity pool.',
    },
    code: (demo) => ({
      sdk: `// Sign with @smithy/signature-v4 (service 'execute-api', region '${demo.region}') and fetch ${demo.api?.url ?? '<stage URL>'}/iam`,
      cli: `curl --aws-sigv4 "aws:amz:${demo.region}:execute-api" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \\
  -H "x-amz-security-token: $AWS_SESSION_TOKEN" ${demo.api?.url ?? '<stage URL>'}/iam`,
    }),
    async run(ctx) {
      const request = new Request(`${ctx.demo.api?.url}/iam`);
      await ctx.fetch(
        await ctx.sign(request, ctx.need(ctx.vars.credentials, 'AWS credentials'), 'execute-api'),
      );
    },
    ...overrides,
  };
}

export function ssmGetParameterStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'ssm-get-parameter',
    label: '3',
    title: 'A guest reads an SSM parameter (outside the guest list)',
    from: 'app',
    to: 'ssm',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'GetParameter',
    expect: 'denied',
    narration: {
      what: 'The guest role allows ssm:GetParameter on /atlas/public/greeting, yet the call is denied: SSM is not on the list of services Cognito’s scope-down session policy allows for enhanced-flow guests.',
      why: 'Enhanced-flow guest sessions carry session policies; the effective permission is the role ∩ those policies.',
      misunderstanding:
        'A role that allows an action is not enough for enhanced-flow guests. The fix, if you really need it, is the basic flow, where Cognito adds nothing.',
    },
    code: (demo) => ({
      sdk: `await new SSMClient({ region: '${demo.region}', credentials }).send(new GetParameterCommand({ Name: '/atlas/public/greeting' }));`,
      cli: `aws ssm get-parameter --region ${demo.region} --name /atlas/public/greeting`,
    }),
    async run(ctx) {
      const request = jsonRequest(ctx.region, 'ssm', 'GetParameter', { Name: '/atlas/public/greeting' });
      await ctx.fetch(await ctx.sign(request, ctx.need(ctx.vars.credentials, 'guest credentials'), 'ssm'));
    },
    ...overrides,
  };
}
