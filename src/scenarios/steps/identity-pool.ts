import { readJson } from '../../wire/aws-responses';
import { jsonRequest } from '../../wire/aws-requests';
import { credentialsFromIdentityPool } from '../../wire/credentials';
import type { Demo } from '../../sim/index';
import type { ScenarioStep, StepContext } from '../types';
import { userPoolProviderName } from './user-pool';

/**
 * Which demo identity pool a step talks to: the enhanced-flow pool (role mappings) or the classic one
 * (no role mappings), the only one where AWS allows the basic flow.
 */
export type PoolChoice = 'enhanced' | 'classic';

export function poolOf(demo: Demo, pool: PoolChoice): Demo['identityPool'] | undefined {
  return pool === 'classic' ? demo.classicIdentityPool : demo.identityPool;
}

/** Which sign-in the `Logins` map carries (docs/aws-reference.md §4.3 gives each key). */
export type LoginSource = 'userPool' | 'google' | 'saml' | 'guest';

export function loginsFor(ctx: StepContext, source: LoginSource): Record<string, string> | undefined {
  switch (source) {
    case 'guest':
      return undefined;
    case 'userPool':
      return {
        [userPoolProviderName(ctx.demo)]: ctx.need(
          ctx.vars.idToken,
          'the ID token from the user pool sign-in',
        ),
      };
    case 'google':
      return {
        'accounts.google.com': ctx.need(ctx.vars.googleIdToken, "the Google ID token from Google's sign-in"),
      };
    case 'saml':
      return {
        [ctx.demo.saml?.providerArn ?? 'arn:aws:iam::<account>:saml-provider/ExampleCorpIdP']: ctx.need(
          ctx.vars.samlResponse,
          'the SAML response from the corporate IdP',
        ),
      };
  }
}

function loginsCode(demo: Demo, source: LoginSource): string {
  switch (source) {
    case 'guest':
      return '';
    case 'userPool':
      return `\n  Logins: { '${userPoolProviderName(demo)}': idToken },`;
    case 'google':
      return `\n  Logins: { 'accounts.google.com': googleIdToken },`;
    case 'saml':
      return `\n  Logins: { '${demo.saml?.providerArn ?? '<SAML provider ARN>'}': samlResponse },`;
  }
}

function loginsCli(demo: Demo, source: LoginSource): string {
  switch (source) {
    case 'guest':
      return '';
    case 'userPool':
      return ` \\\n  --logins ${userPoolProviderName(demo)}="$ID_TOKEN"`;
    case 'google':
      return ` \\\n  --logins accounts.google.com="$GOOGLE_ID_TOKEN"`;
    case 'saml':
      return ` \\\n  --logins ${demo.saml?.providerArn ?? '<SAML provider ARN>'}="$SAML_RESPONSE"`;
  }
}

export function getIdStep(
  source: LoginSource,
  overrides: Partial<ScenarioStep> = {},
  pool: PoolChoice = 'enhanced',
): ScenarioStep {
  const guest = source === 'guest';
  const poolName = pool === 'classic' ? 'the classic (basic-flow) identity pool' : 'the identity pool';
  return {
    id: 'get-id',
    label: guest ? '2.5' : '2',
    title: guest
      ? `Get a guest identity${pool === 'classic' ? ' in the classic pool' : ''} (no sign-in)`
      : `Get an identity id from ${poolName}`,
    from: 'app',
    to: 'identityPool',
    packet: guest
      ? 'identityId'
      : source === 'saml'
        ? 'samlAssertion'
        : source === 'userPool'
          ? 'jwt'
          : 'idpToken',
    returns: 'identityId',
    operation: 'GetId',
    expect: 'success',
    narration: guest
      ? {
          what: 'With no Logins at all, GetId creates an unauthenticated (guest) identity. Step 1 is skipped: nobody signs in.',
          why: 'The identity pool allows guests (AllowUnauthenticatedIdentities), so an anonymous visitor still gets an identity id and, next, limited AWS credentials.',
          misunderstanding:
            'Guests exist only in identity pools, never in user pools. A guest identity has no person behind it: clearing the app storage makes a new one.',
        }
      : {
          what:
            source === 'saml'
              ? 'GetId sends the SAML response in Logins under the SAML provider ARN. The identity pool checks it (XML signature against the IAM SAML provider’s metadata, audience, time window) and answers with an identity id.'
              : `GetId sends the ${source === 'userPool' ? 'ID token' : 'Google ID token'} in Logins. The identity pool checks it (issuer, audience, signature, expiry) and answers with an identity id.`,
          why: 'The identity pool turns a sign-in from any trusted provider into one stable identity id for that person; the same login always gets the same id.',
          misunderstanding:
            source === 'userPool'
              ? // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
                'The identity id (region:GUID) is not the user pool sub (a bare UUID). ${cognito-identity.amazonaws.com:sub} in a policy means the identity id. And Logins needs the ID token: an access token has no aud.'
              : 'The identity id (region:GUID) is a new id minted by the identity pool; it is not the provider’s own user id.',
        },
    code: (demo) => ({
      sdk: `import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';

const identity = new CognitoIdentityClient({ region: '${demo.region}' });
const { IdentityId } = await identity.send(new GetIdCommand({
  IdentityPoolId: '${poolOf(demo, pool)?.id ?? '<identity pool id>'}',${loginsCode(demo, source)}
}));`,
      cli: `aws cognito-identity get-id --region ${demo.region} \\
  --identity-pool-id ${poolOf(demo, pool)?.id ?? '<identity pool id>'}${loginsCli(demo, source)}`,
    }),
    async run(ctx) {
      const response = await ctx.fetch(
        jsonRequest(ctx.region, 'cognito-identity', 'GetId', {
          IdentityPoolId: poolOf(ctx.demo, pool)?.id,
          Logins: loginsFor(ctx, source),
        }),
      );
      const id = (await readJson<{ IdentityId?: string }>(response))?.IdentityId;
      if (id) ctx.vars.identityId = id;
    },
    ...overrides,
  };
}

export function getCredentialsStep(source: LoginSource, overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  const guest = source === 'guest';
  return {
    id: 'get-credentials',
    label: guest ? '2.5' : '2',
    title: guest ? 'Get guest AWS credentials' : 'Get AWS credentials (enhanced flow)',
    from: 'app',
    to: 'identityPool',
    packet: 'identityId',
    returns: 'credentials',
    via: ['sts', 'iam'],
    operation: 'GetCredentialsForIdentity',
    expect: 'success',
    narration: {
      what: `GetCredentialsForIdentity ${guest ? 'with the guest identity id' : 'with the identity id and the same Logins'}. Behind the scenes the identity pool picks the role, calls STS AssumeRoleWithWebIdentity for you, and returns temporary credentials (ASIA… key, secret, session token) valid for one hour.`,
      why: guest
        ? 'Guest credentials come from the unauthenticated role. In the enhanced flow Cognito also adds scope-down session policies, so a guest can only reach the services on its allowed list, whatever the role says.'
        : source === 'userPool'
          ? 'This is the enhanced (simplified) flow: the pool, not the app, chooses the role. The demo pool maps user pool logins by token (Type Token): it takes the ID token’s cognito:preferred_role (the role of the group with the lowest precedence); a token with no cognito:roles falls back to the pool’s authenticated role (AmbiguousRoleResolution AuthenticatedRole).'
          : source === 'google'
            ? 'This is the enhanced (simplified) flow: the pool, not the app, chooses the role. The demo pool has no role mapping for Google, so it uses its default authenticated role.'
            : 'This is the enhanced (simplified) flow, the only one Cognito offers for SAML logins. Here the role comes from the assertion: its https://aws.amazon.com/SAML/Attributes/Role attribute lists the role,provider pairs the user may take (ExampleCorp gives Dave one, AtlasSamlRole); with several, CustomRoleArn picks one of them. (A pool can instead be set, for each SAML provider, to give its default authenticated role or to choose a role with rules on the assertion’s attributes.) Cognito still assumes the role with AssumeRoleWithWebIdentity and its own OpenID token (it never passes the assertion to AssumeRoleWithSAML), so AtlasSamlRole also trusts cognito-identity.amazonaws.com for this pool.',
      misunderstanding: guest
        ? 'Enhanced-flow guest credentials are scoped down by Cognito session policies; a role that allows everything still cannot call services outside the allowed list.'
        : // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
          'The credentials’ session name is always CognitoIdentityCredentials, so tell users apart with ${cognito-identity.amazonaws.com:sub}. Note the field is SecretKey here, but SecretAccessKey in STS.',
    },
    code: (demo) => ({
      sdk: `import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';

const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({
  IdentityId,${loginsCode(demo, source)}
}));
// Credentials: { AccessKeyId, SecretKey, SessionToken, Expiration }`,
      cli: `aws cognito-identity get-credentials-for-identity --region ${demo.region} \\
  --identity-id "$IDENTITY_ID"${loginsCli(demo, source)}`,
    }),
    async run(ctx) {
      const identityId = ctx.need(ctx.vars.identityId, 'the identity id from GetId');
      const response = await ctx.fetch(
        jsonRequest(ctx.region, 'cognito-identity', 'GetCredentialsForIdentity', {
          IdentityId: identityId,
          Logins: loginsFor(ctx, source),
        }),
      );
      const credentials = credentialsFromIdentityPool(await readJson(response));
      if (credentials) ctx.vars.credentials = credentials;
    },
    ...overrides,
  };
}

export function getOpenIdTokenStep(source: LoginSource, overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'get-open-id-token',
    label: '2',
    title: 'Get a Cognito OpenID token (basic flow)',
    from: 'app',
    to: 'identityPool',
    packet: 'identityId',
    returns: 'openIdToken',
    operation: 'GetOpenIdToken',
    expect: 'success',
    narration: {
      what: 'In the basic (classic) flow the identity pool only vouches for the identity: GetOpenIdToken returns a Cognito OpenID token (RS512, aud = the identity pool id, amr says authenticated or unauthenticated), valid for 10 minutes. This is the demo’s second pool, atlas_classic_identities: AWS refuses the basic flow in any pool with role mappings, and the main pool has them.',
      why: 'The app then calls STS itself and picks the role. Nothing is added to the session by Cognito, unlike the enhanced flow: no role mapping, no scope-down for guests.',
      misunderstanding:
        'User pool tokens are RS256; Cognito identity OpenID tokens are RS512 and come from a different issuer (https://cognito-identity.amazonaws.com) with a different JWKS.',
    },
    code: (demo) => ({
      sdk: `import { GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';

const { Token } = await identity.send(new GetOpenIdTokenCommand({
  IdentityId,${loginsCode(demo, source)}
}));`,
      cli: `aws cognito-identity get-open-id-token --region ${demo.region} \\
  --identity-id "$IDENTITY_ID"${loginsCli(demo, source)}`,
    }),
    async run(ctx) {
      const identityId = ctx.need(ctx.vars.identityId, 'the identity id from GetId');
      const response = await ctx.fetch(
        jsonRequest(ctx.region, 'cognito-identity', 'GetOpenIdToken', {
          IdentityId: identityId,
          Logins: loginsFor(ctx, source),
        }),
      );
      const token = (await readJson<{ Token?: string }>(response))?.Token;
      if (token) ctx.vars.openIdToken = token;
    },
    ...overrides,
  };
}
