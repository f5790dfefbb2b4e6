import type { ActorId } from '../../scenarios/types';

/**
 * How each actor is drawn: its name, what it is, and where it sits. Columns read left to right like
 * the sentence "the app signs in, gets an identity, gets credentials, calls a service".
 */
export interface ActorLook {
  label: string;
  kind: string;
  x: number;
  y: number;
  /** Always drawn (the pipeline), even when the current scenario does not use it. */
  pipeline: boolean;
}

const COL = 250;

export const ACTORS: Record<ActorId, ActorLook> = {
  app: { label: 'Browser app', kind: 'Your web app', x: 0, y: 170, pipeline: true },
  developer: { label: 'Developer machine', kind: 'IAM user keys (AKIA…)', x: 0, y: 330, pipeline: false },
  broker: { label: 'Federation broker', kind: 'Trusted server', x: 0, y: 440, pipeline: false },
  userPool: { label: 'User pool', kind: 'Cognito user directory', x: COL, y: 10, pipeline: true },
  google: { label: 'Google', kind: 'OIDC identity provider', x: COL, y: 300, pipeline: true },
  saml: { label: 'ExampleCorp IdP', kind: 'Corporate SAML IdP', x: COL, y: 420, pipeline: true },
  identityPool: {
    label: 'Identity pool',
    kind: 'Cognito federated identities',
    x: COL * 2,
    y: 170,
    pipeline: true,
  },
  sts: { label: 'STS', kind: 'Security Token Service', x: COL * 3, y: 60, pipeline: true },
  iam: { label: 'IAM', kind: 'Policy evaluation', x: COL * 3, y: 330, pipeline: true },
  s3: { label: 'S3', kind: 'Demo bucket', x: COL * 4, y: 10, pipeline: true },
  apiGateway: { label: 'API Gateway', kind: 'REST API, stage prod', x: COL * 4, y: 120, pipeline: true },
  ssm: { label: 'SSM', kind: 'Parameter Store', x: COL * 4, y: 225, pipeline: false },
  sync: { label: 'Cognito Sync', kind: 'Per-identity datasets', x: COL * 4, y: 330, pipeline: true },
  appsync: { label: 'AppSync', kind: 'GraphQL, shared data', x: COL * 4, y: 435, pipeline: true },
};
