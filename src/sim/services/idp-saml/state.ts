/**
 * Plain, JSON-serialisable state of the simulated corporate SAML 2.0 IdP "ExampleCorp": its entity
 * id, directory users, and the service providers it is configured to post assertions to.
 */
export interface SamlIdpUser {
  username: string;
  password: string;
  /** Persistent, opaque NameID for this person (stable across sign-ins, as SAML persistent ids are). */
  nameId: string;
  email: string;
  displayName: string;
  /** AWS role entitlements, each `<roleArn>,<providerArn>` (AWS's Role attribute format). */
  awsRoles: string[];
  /** Optional https://aws.amazon.com/SAML/Attributes/SessionDuration, seconds. */
  sessionDurationSeconds?: number;
}

export interface SamlServiceProvider {
  /** Friendly name shown on the IdP's pages. */
  name: string;
  /** The SP entity id, used as the Audience. */
  entityId: string;
  /** Assertion consumer service URL (Destination and Recipient). */
  acsUrl: string;
  /** Whether to send the AWS role/session attributes. */
  aws: boolean;
}

export interface SamlState {
  entityId: string;
  users: SamlIdpUser[];
  serviceProviders: SamlServiceProvider[];
}

export function createSamlState(): SamlState {
  return { entityId: 'https://idp.example-corp.test', users: [], serviceProviders: [] };
}

export function findSamlUser(state: SamlState, username: string): SamlIdpUser | undefined {
  const wanted = username.trim().toLowerCase();
  return state.users.find((u) => u.username === wanted || u.email === wanted);
}
