import type { Demo } from '../types';
import {
  AWS_SAML_AUDIENCES,
  AWS_SAML_RECIPIENT,
  cognitoSamlAcsUrl,
  cognitoSamlAudience,
} from '../saml/names';
import { registerPoolIdentityProvider } from '../services/cognito-idp/oauth/state';
import { issueSamlResponse, samlSignIn } from '../services/idp-saml/issue-response';
import { SAML_IDP_SSO_URL } from '../services/idp-saml/metadata';
import type { World } from '../world';
import type { DemoIds } from './ids';

export const SAML_PROVIDER_NAME = 'ExampleCorpIdP';
export const SAML_ROLE_NAME = 'AtlasSamlRole';

const samlArns = (world: World) => ({
  providerArn: `arn:aws:iam::${world.accountId}:saml-provider/${SAML_PROVIDER_NAME}`,
  roleArn: `arn:aws:iam::${world.accountId}:role/${SAML_ROLE_NAME}`,
});

/** Seeds ExampleCorp: directory users, its two service providers (AWS and the user pool), and the pool's SAML IdP. */
export async function seedSaml(world: World, ids: DemoIds): Promise<void> {
  const { providerArn, roleArn } = samlArns(world);
  const saml = world.state.saml;
  const people = [
    {
      username: 'dave',
      password: 'Dave-Corp-2024!',
      displayName: 'Dave Kim',
      awsRoles: [`${roleArn},${providerArn}`],
      sessionDurationSeconds: 3600,
    },
    { username: 'erin', password: 'Erin-Corp-2024!', displayName: 'Erin Novak', awsRoles: [] as string[] },
  ];
  saml.users = people.map((p) => ({
    ...p,
    email: `${p.username}@example-corp.test`,
    nameId: world.random.uuid(),
  }));
  saml.serviceProviders = [
    { name: 'Amazon Web Services', entityId: AWS_SAML_AUDIENCES[1], acsUrl: AWS_SAML_RECIPIENT, aws: true },
    {
      name: 'Identity Atlas user pool',
      entityId: cognitoSamlAudience(ids.userPoolId),
      acsUrl: cognitoSamlAcsUrl(ids.userPoolDomainPrefix, world.region),
      aws: false,
    },
  ];
  registerPoolIdentityProvider(world, ids.userPoolId, {
    providerName: 'ExampleCorp',
    providerType: 'SAML',
    saml: {
      entityId: saml.entityId,
      ssoUrl: SAML_IDP_SSO_URL,
      certificates: [world.keys.saml.certificateBase64],
    },
    attributeMapping: { email: 'email', name: 'name' },
  });
}

/** The saml part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeSaml(world: World, _ids: DemoIds): Partial<Demo> {
  const { providerArn, roleArn } = samlArns(world);
  return {
    saml: {
      providerArn,
      roleArn,
      users: world.state.saml.users.map((u) => ({ username: u.username, password: u.password })),
      /** A base64 SAMLResponse addressed to AWS (Recipient/Destination https://signin.aws.amazon.com/saml). */
      async signIn(username: string, password: string): Promise<string> {
        const result = samlSignIn(world, username, password);
        if (!result.ok) throw new Error(result.message);
        const aws = world.state.saml.serviceProviders.find((sp) => sp.aws);
        if (!aws) throw new Error('ExampleCorp has no AWS service provider configured');
        return issueSamlResponse(world, result.user, aws);
      },
    },
  };
}
