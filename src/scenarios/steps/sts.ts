import { xmlText } from '../../wire/aws-responses';
import { stsRequest } from '../../wire/aws-requests';
import { credentialsFromStsXml } from '../../wire/credentials';
import type { Demo } from '../../sim/index';
import type { ScenarioStep, StepContext } from '../types';

/** Keeps the `<Credentials>` of any STS answer as the app's current credentials. */
async function keepStsCredentials(ctx: StepContext, response: Response): Promise<void> {
  const credentials = credentialsFromStsXml(await response.clone().text(), xmlText);
  if (credentials) ctx.vars.credentials = credentials;
}

function longTermKeys(ctx: StepContext) {
  const user = ctx.need(ctx.demo.iamUser, "the demo IAM user's long-term keys (cloud.demo.iamUser)");
  return { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey };
}

export function assumeRoleWithWebIdentityStep(
  token: 'openIdToken' | 'googleIdToken',
  role: (demo: Demo) => string | undefined,
  overrides: Partial<ScenarioStep> = {},
): ScenarioStep {
  const cognito = token === 'openIdToken';
  return {
    id: 'assume-role-with-web-identity',
    label: cognito ? '2.5' : '2',
    title: 'Exchange the token at STS (AssumeRoleWithWebIdentity)',
    from: 'app',
    to: 'sts',
    packet: 'idpToken',
    returns: 'credentials',
    via: ['iam'],
    operation: 'AssumeRoleWithWebIdentity',
    expect: 'success',
    narration: {
      what: `The app calls STS AssumeRoleWithWebIdentity itself, unsigned, with the ${cognito ? 'Cognito OpenID token' : 'Google ID token'} and a role it chooses. STS evaluates the role's trust policy against the token's claims (${cognito ? 'cognito-identity.amazonaws.com:aud and :amr' : 'accounts.google.com:aud'}) and returns temporary credentials.`,
      why: 'The token is the proof, so no AWS keys are needed. The trust policy is the gate: it must name the identity provider and pin the audience.',
      misunderstanding: cognito
        ? 'A role trust policy that names cognito-identity.amazonaws.com without an aud condition trusts every identity pool in every account. IAM now refuses to create or update such a trust policy, but older roles can still have one. Always pin aud (and amr).'
        : 'Without an accounts.google.com:aud condition the role would accept Google ID tokens issued to any Google app, not only yours. Always pin the audience to your client id.',
    },
    code: (demo) => ({
      sdk: `import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';

const sts = new STSClient({ region: '${demo.region}' });
const { Credentials } = await sts.send(new AssumeRoleWithWebIdentityCommand({
  RoleArn: '${role(demo) ?? '<role ARN>'}',
  RoleSessionName: 'atlas-web',
  WebIdentityToken: ${cognito ? 'openIdToken' : 'googleIdToken'},
}));`,
      cli: `aws sts assume-role-with-web-identity \\
  --role-arn ${role(demo) ?? '<role ARN>'} \\
  --role-session-name atlas-web --web-identity-token "$TOKEN"`,
    }),
    async run(ctx) {
      const webToken = ctx.need(
        cognito ? ctx.vars.openIdToken : ctx.vars.googleIdToken,
        cognito ? 'the Cognito OpenID token from GetOpenIdToken' : 'the Google ID token',
      );
      const response = await ctx.fetch(
        stsRequest(ctx.region, 'AssumeRoleWithWebIdentity', {
          RoleArn: role(ctx.demo),
          RoleSessionName: 'atlas-web',
          WebIdentityToken: webToken,
        }),
      );
      await keepStsCredentials(ctx, response);
    },
    ...overrides,
  };
}

export function assumeRoleWithSamlStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'assume-role-with-saml',
    label: '2',
    title: 'Exchange the SAML assertion at STS',
    from: 'app',
    to: 'sts',
    packet: 'idpToken',
    returns: 'credentials',
    via: ['iam'],
    operation: 'AssumeRoleWithSAML',
    expect: 'success',
    narration: {
      what: 'The client (a CLI tool or the app, holding the base64 SAML response) sends it to STS AssumeRoleWithSAML with the role and provider ARNs named in the assertion. STS checks the XML signature against the provider metadata, the audience, the time window and that this role/provider pair is in the assertion.',
      why: 'This is how workforce single sign-on reaches the AWS CLI and SDKs: the corporate IdP vouches for the person, IAM trusts the IdP through a SAML provider (for the console, the browser posts the assertion to the AWS sign-in endpoint, which gets the credentials for it). AssumeRoleWithSAML is the right call when employees need an AWS role and nothing else: no identity pool, no AWS keys. When the app also wants a stable identity id, guests or other sign-ins beside SAML, send the assertion to an identity pool instead (the SAML scenario), which assumes the role for you.',
      misunderstanding:
        'The call is unsigned: the SAML assertion is the credential. An altered assertion fails the signature check (see the attacks on SAML).',
    },
    code: (demo) => ({
      sdk: `const { Credentials } = await sts.send(new AssumeRoleWithSAMLCommand({
  RoleArn: '${demo.saml?.roleArn ?? '<role ARN>'}',
  PrincipalArn: '${demo.saml?.providerArn ?? '<SAML provider ARN>'}',
  SAMLAssertion: samlResponse,
}));`,
      cli: `aws sts assume-role-with-saml --role-arn ${demo.saml?.roleArn ?? '<role ARN>'} \\
  --principal-arn ${demo.saml?.providerArn ?? '<SAML provider ARN>'} --saml-assertion "$SAML_RESPONSE"`,
    }),
    async run(ctx) {
      const assertion = ctx.need(ctx.vars.samlResponse, 'the SAML response from the corporate IdP');
      const response = await ctx.fetch(
        stsRequest(ctx.region, 'AssumeRoleWithSAML', {
          RoleArn: ctx.demo.saml?.roleArn,
          PrincipalArn: ctx.demo.saml?.providerArn,
          SAMLAssertion: assertion,
        }),
      );
      await keepStsCredentials(ctx, response);
    },
    ...overrides,
  };
}

export function assumeRoleStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'assume-role',
    label: '1',
    title: 'A developer machine assumes a role (AssumeRole)',
    from: 'developer',
    to: 'sts',
    packet: 'signedRequest',
    returns: 'credentials',
    via: ['iam'],
    operation: 'AssumeRole',
    expect: 'success',
    narration: {
      what: "The developer's CLI signs AssumeRole with the IAM user's long-term AKIA keys. STS asks IAM: the role's trust policy must allow this user, and here it names the user's ARN. (The user's own policy also allows sts:AssumeRole on the role; in the same account a trust policy that names the user is enough on its own, across accounts both are needed.)",
      why: 'Long-term keys stay on the machine; day-to-day work uses short-lived ASIA credentials for a role with exactly the permissions needed.',
      misunderstanding:
        'STS temporary keys start with ASIA, long-term keys with AKIA. Chaining from one role to another caps the session at one hour, whatever MaxSessionDuration says.',
    },
    code: (demo) => ({
      sdk: `const { Credentials } = await sts.send(new AssumeRoleCommand({
  RoleArn: '${demo.assumableRoleArn ?? '<role ARN>'}',
  RoleSessionName: 'atlas-developer',
}));`,
      cli: `aws sts assume-role --role-arn ${demo.assumableRoleArn ?? '<role ARN>'} --role-session-name atlas-developer`,
    }),
    async run(ctx) {
      const request = stsRequest(ctx.region, 'AssumeRole', {
        RoleArn: ctx.demo.assumableRoleArn,
        RoleSessionName: 'atlas-developer',
      });
      const response = await ctx.fetch(await ctx.sign(request, longTermKeys(ctx), 'sts'));
      await keepStsCredentials(ctx, response);
    },
    ...overrides,
  };
}

export function getFederationTokenStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
  });
  return {
    id: 'get-federation-token',
    label: '1',
    title: 'A federation broker hands out GetFederationToken credentials',
    from: 'broker',
    to: 'sts',
    packet: 'signedRequest',
    returns: 'credentials',
    via: ['iam'],
    operation: 'GetFederationToken',
    expect: 'success',
    narration: {
      what: "A trusted broker server, signed with an IAM user's long-term keys, calls GetFederationToken for one of its own users and passes a session policy. The result is a federated-user principal (arn:aws:sts::<account>:federated-user/<Name>).",
      why: 'Before roles and SSO, this was how a company proxy gave its users temporary AWS access without creating IAM users for them.',
      misunderstanding:
        'GetFederationToken with no session policy gives no permissions, and its credentials cannot call IAM or STS (except GetCallerIdentity). Effective permissions = the broker user’s policies ∩ the session policy.',
    },
    code: () => ({
      sdk: `const { Credentials, FederatedUser } = await sts.send(new GetFederationTokenCommand({
  Name: 'carol-from-portal',
  Policy: JSON.stringify(${policy}),
}));`,
      cli: `aws sts get-federation-token --name carol-from-portal --policy '${policy}'`,
    }),
    async run(ctx) {
      const request = stsRequest(ctx.region, 'GetFederationToken', {
        Name: 'carol-from-portal',
        Policy: policy,
      });
      const response = await ctx.fetch(await ctx.sign(request, longTermKeys(ctx), 'sts'));
      await keepStsCredentials(ctx, response);
    },
    ...overrides,
  };
}

export function getSessionTokenStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'get-session-token',
    label: '1',
    title: 'A developer on an unmanaged machine gets GetSessionToken credentials',
    from: 'developer',
    to: 'sts',
    packet: 'signedRequest',
    returns: 'credentials',
    operation: 'GetSessionToken',
    expect: 'success',
    narration: {
      what: 'Signed with the IAM user’s long-term keys (and, where required, an MFA code), GetSessionToken returns temporary credentials for the same user. No DurationSeconds is sent, so they last the default 12 hours (an IAM user may ask for 15 minutes up to 36 hours). No IAM policy decides this call: a user needs no permission to get a session token.',
      why: 'A central server or a developer on a machine that should not hold long-term keys for long uses short-lived credentials, often to satisfy an MFA condition.',
      misunderstanding:
        'GetSessionToken gives the user’s own permissions, not a role’s. Without MFA its credentials cannot call IAM, and in STS they can only call AssumeRole and GetCallerIdentity.',
    },
    code: () => ({
      sdk: 'const { Credentials } = await sts.send(new GetSessionTokenCommand({})); // default: 12 hours',
      cli: 'aws sts get-session-token',
    }),
    async run(ctx) {
      // No DurationSeconds: an IAM user's default is 43,200 s (12 h), as the STS gallery's table says.
      const request = stsRequest(ctx.region, 'GetSessionToken', {});
      const response = await ctx.fetch(await ctx.sign(request, longTermKeys(ctx), 'sts'));
      await keepStsCredentials(ctx, response);
    },
    ...overrides,
  };
}

export function getCallerIdentityStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'get-caller-identity',
    label: '3',
    title: 'Who am I now? (GetCallerIdentity)',
    from: 'app',
    to: 'sts',
    packet: 'signedRequest',
    returns: 'data',
    operation: 'GetCallerIdentity',
    expect: 'success',
    narration: {
      what: 'The new temporary credentials sign GetCallerIdentity. STS answers with the account, the user id and the ARN of the principal these credentials stand for.',
      why: 'It is the quickest check of which principal you really are; no permission is needed to call it.',
    },
    code: () => ({
      sdk: 'const me = await new STSClient({ credentials }).send(new GetCallerIdentityCommand({}));',
      cli: 'aws sts get-caller-identity',
    }),
    async run(ctx) {
      const request = stsRequest(ctx.region, 'GetCallerIdentity', {});
      await ctx.fetch(
        await ctx.sign(request, ctx.need(ctx.vars.credentials, 'the temporary credentials'), 'sts'),
      );
    },
    ...overrides,
  };
}
