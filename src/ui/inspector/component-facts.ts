import type { DemoData, TraceEntry } from '../../player/create-player';
import { type ActorId, heldBy, type Scenario } from '../../scenarios/types';

/**
 * What the inspector says about a diagram box: what the component is, what it holds in this scenario
 * (from the demo world and the trace so far), and which steps touch it. Pure, so it is unit-tested.
 */

const WHAT: Record<ActorId, string> = {
  app: 'Your code in the browser. It holds whatever the calls give it (tokens, an identity id, temporary credentials) and signs AWS requests itself. Anything here is visible to the person using the browser, so it never holds long-term keys.',
  userPool:
    'A Cognito user pool: a user directory. It checks passwords and issues signed ID and access tokens (JWTs, signed with its own keys) and an encrypted refresh token only it can read. It knows nothing about AWS credentials.',
  google:
    'Google as an OpenID Connect identity provider, outside AWS. It signs people in on its own page and issues an ID token (RS256, iss https://accounts.google.com, aud = your Google client id).',
  saml: 'A corporate SAML 2.0 identity provider, outside AWS. It signs people in and returns a signed SAML response (assertion) naming the user and the AWS roles they may take.',
  identityPool:
    'A Cognito identity pool (federated identities). It trades a token from a provider it trusts (or nothing, for guests) for a stable identity id, and that id for temporary AWS credentials: it chooses the role and calls STS for you.',
  sts: 'AWS Security Token Service. Every temporary credential (ASIA… key, secret, session token) comes from one of its calls; it checks the role’s trust policy before issuing them.',
  iam: 'IAM policy evaluation, inside every AWS service call: an explicit Deny anywhere wins; otherwise an Allow is needed (from the identity’s or the resource’s policy), and a session policy or permissions boundary can only narrow it.',
  s3: 'Amazon S3 with the demo bucket. The app’s requests are SigV4-signed (an unsigned one is treated as anonymous); S3 checks the signature, then asks IAM whether the caller may do this to this key.',
  apiGateway:
    'An API Gateway REST API, stage prod. /me uses a Cognito user pool authorizer (a JWT in Authorization); /iam uses AWS_IAM authorization (a SigV4-signed request).',
  ssm: 'Systems Manager Parameter Store. The demo’s guest role allows reading its public parameters, but in the enhanced flow the guest session policy scopes SSM away, so a guest with those credentials is refused; the basic flow applies no such policy.',
  sync: 'Cognito Sync: small key-value datasets per identity id, synchronised across devices with SigV4-signed requests. It is closed to new customers; AWS points new apps to AppSync.',
  appsync:
    'AWS AppSync: a GraphQL API with shared data, here authorised by user pool tokens, IAM or an API key.',
  developer:
    'A developer’s machine holding an IAM user’s long-term keys (AKIA…), which sign STS calls directly.',
  broker:
    'A trusted server of yours (a federation broker) holding IAM user keys; it asks STS for credentials on someone else’s behalf.',
};

export interface ComponentFacts {
  what: string;
  holds: [string, string][];
  steps: { index: number; label: string; title: string; role: string }[];
}

function holdsOf(
  actor: ActorId,
  scenario: Scenario,
  demo: DemoData | undefined,
  entries: readonly TraceEntry[],
): [string, string][] {
  const recast = !!scenario.actorRoles?.[actor];
  // The services' rows name what they issued; the senders' rows what they themselves hold.
  const issued = entries[entries.length - 1]?.held ?? {};
  const held = heldBy(scenario, actor, issued);
  const rows: [string, string][] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) rows.push([label, value]);
  };
  switch (actor) {
    case 'app':
      add('ID token', held.idToken ? 'yes (JWT from the user pool)' : undefined);
      add('Access token', held.accessToken ? 'yes (JWT from the user pool)' : undefined);
      add('Google ID token', held.googleIdToken ? 'yes' : undefined);
      add('SAML response', held.samlResponse ? 'yes' : undefined);
      add('Identity id', held.identityId);
      add('Access key id', held.credentials?.accessKeyId);
      if (rows.length === 0) rows.push(['Nothing yet', 'no token, no identity, no credentials']);
      break;
    case 'userPool':
      add('User pool id', demo?.userPool.id);
      add('App client id', demo?.userPool.clientId);
      add('Demo users', demo?.userPool.users.map((u) => u.username).join(', '));
      break;
    case 'google':
      add('Client id (aud)', demo?.google.clientId);
      break;
    case 'saml':
      add('SAML provider in IAM', demo?.saml.providerArn);
      add('Role in the assertion', demo?.saml.roleArn);
      break;
    case 'identityPool':
      add('Identity pool id', demo?.identityPool.id);
      add('Authenticated role', demo?.identityPool.authenticatedRoleArn);
      add('Guest (unauthenticated) role', demo?.identityPool.unauthenticatedRoleArn);
      add('Identity id issued', issued.identityId);
      break;
    case 'sts':
      add('Credentials issued', issued.credentials?.accessKeyId);
      // The roles this run's calls named (AssumeRole*'s RoleArn), read off the wire: a role the demo has
      // but the scenario never asks for (the web-identity role in a guest flow) is not this box's story.
      add('Roles asked for so far', rolesNamed(entries).join(', ') || undefined);
      break;
    case 'iam': {
      const decisions = entries.flatMap((e) => e.events).filter((e) => e.kind === 'iam.decision');
      add('Account', demo?.accountId);
      add('Decisions in this run', String(decisions.length));
      break;
    }
    case 's3':
      add('Bucket', demo?.bucket);
      add('Readable by both roles', 'public/*');
      // An IAM policy variable, not a JavaScript placeholder.
      add('Per identity', `private/$${'{'}cognito-identity.amazonaws.com:sub}/*`);
      break;
    case 'apiGateway':
      add('Stage URL', demo?.api.url);
      break;
    case 'appsync':
      add('GraphQL URL', demo?.appSync?.url);
      break;
    case 'developer':
      // Recast as a laptop that holds only handed-out keys (the central-server scenario); a backend
      // server that keeps its own role credentials (the Admin API scenario) also has the user's keys.
      if (recast && scenario.keptBy?.credentials !== actor) {
        add('Temporary key it signs with', held.credentials?.accessKeyId);
        if (rows.length === 0) rows.push(['Nothing yet', 'no keys until the server hands some out']);
        break;
      }
      add('IAM user', demo?.iamUser.arn);
      add('Long-term key', demo?.iamUser.accessKeyId);
      // Role credentials this box took on and keeps (the Admin API backend's).
      if (scenario.keptBy?.credentials === actor) add('Temporary role key', held.credentials?.accessKeyId);
      break;
    case 'broker':
      add('IAM user', demo?.iamUser.arn);
      add('Long-term key', demo?.iamUser.accessKeyId);
      break;
    default:
      break;
  }
  return rows;
}

/** The RoleArn of every STS query-protocol request in the run, in the order first named. */
function rolesNamed(entries: readonly TraceEntry[]): string[] {
  const roles = entries.flatMap((e) => {
    const body = e.request?.body ?? '';
    if (!body.startsWith('Action=') && !body.includes('&Action=')) return [];
    const role = new URLSearchParams(body).get('RoleArn');
    return role ? [role] : [];
  });
  return [...new Set(roles)];
}

export function componentFacts(
  actor: ActorId,
  scenario: Scenario,
  demo: DemoData | undefined,
  entries: readonly TraceEntry[],
): ComponentFacts {
  const steps = scenario.steps.flatMap((step, index) => {
    const role =
      step.from === actor
        ? 'sends'
        : step.to === actor
          ? 'answers'
          : step.via?.includes(actor)
            ? 'consulted inside AWS'
            : undefined;
    return role ? [{ index, label: step.label, title: step.title, role }] : [];
  });
  return {
    what: scenario.actorRoles?.[actor]?.what ?? WHAT[actor],
    holds: holdsOf(actor, scenario, demo, entries),
    steps,
  };
}
