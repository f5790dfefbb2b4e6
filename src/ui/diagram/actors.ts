import type { ActorId, Scenario } from '../../scenarios/types';

/**
 * How each actor is drawn: its name, what it is, and where it sits. Columns read left to right like
 * the sentence "the app signs in, gets an identity, gets credentials, calls a service".
 */
export interface ActorLook {
  label: string;
  kind: string;
  /** What it is in full, for screen readers (the box shows the short kind). */
  about: string;
  /** Always drawn (the pipeline), even when the current scenario does not use it. */
  pipeline: boolean;
}

/** How the actor is drawn in this scenario: its usual look, or the part the scenario gives it. */
export function actorLook(actor: ActorId, scenario: Pick<Scenario, 'actorRoles'> | undefined): ActorLook {
  const role = scenario?.actorRoles?.[actor];
  return role ? { ...ACTORS[actor], label: role.label, kind: role.kind, about: role.about } : ACTORS[actor];
}

/** Positions live in layout.ts; kinds stay short enough for one line on a 160-unit box. */
export const ACTORS: Record<ActorId, ActorLook> = {
  app: {
    label: 'Browser app',
    kind: 'Your web app',
    about: "the reader's web app in the browser",
    pipeline: true,
  },
  developer: {
    label: 'Developer',
    kind: 'IAM user keys',
    about: 'a developer machine holding IAM user keys (AKIA…)',
    pipeline: false,
  },
  broker: {
    label: 'Fed. broker',
    kind: 'Trusted server',
    about: 'a federation broker, a trusted server',
    pipeline: false,
  },
  userPool: {
    label: 'User pool',
    kind: 'Signs in, JWTs',
    about: 'Cognito user directory that signs users in and issues JWTs',
    pipeline: true,
  },
  google: {
    label: 'Google',
    kind: 'OIDC IdP',
    about: 'Google, an OpenID Connect identity provider',
    pipeline: true,
  },
  saml: {
    label: 'ExampleCorp',
    kind: 'SAML 2.0 IdP',
    about: 'ExampleCorp corporate SAML 2.0 identity provider',
    pipeline: true,
  },
  identityPool: {
    label: 'Identity pool',
    kind: 'Tokens → identity',
    about: 'Cognito federated identities: trades tokens for an identity and AWS credentials',
    pipeline: true,
  },
  sts: {
    label: 'STS',
    kind: 'Temp. credentials',
    about: 'AWS Security Token Service, issues temporary credentials',
    pipeline: true,
  },
  iam: { label: 'IAM', kind: 'Policy evaluation', about: 'IAM policy evaluation', pipeline: true },
  s3: { label: 'S3', kind: 'Demo bucket', about: 'Amazon S3 demo bucket', pipeline: true },
  apiGateway: {
    label: 'API Gateway',
    kind: 'REST API · prod',
    about: 'API Gateway REST API, stage prod',
    pipeline: true,
  },
  ssm: { label: 'SSM', kind: 'Parameter Store', about: 'Systems Manager Parameter Store', pipeline: false },
  sync: {
    label: 'Cognito Sync',
    kind: 'Identity datasets',
    about: 'Cognito Sync, per-identity datasets',
    pipeline: true,
  },
  appsync: {
    label: 'AppSync',
    kind: 'GraphQL API',
    about: 'AppSync GraphQL API with shared data',
    pipeline: true,
  },
};
