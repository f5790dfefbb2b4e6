/**
 * The simulated Google and SAML IdP set up for a world that did not seed them (a world imported from
 * a CloudFormation template): the reader's identity pool trusts a Google client id and a SAML provider
 * that the simulator has never heard of, so these helpers configure the simulated IdPs with the
 * template's own values (the client id, the metadata's entity id, the roles) and then sign in with
 * them. The tokens and assertions are signed by the simulator's keys, exactly as the demo's are; the
 * world that receives them decides whether it trusts them (an IAM SAML provider whose metadata holds
 * another certificate refuses the assertion, as AWS would).
 */
import { getOwn, setOwn } from '../core/dict';
import type { Demo } from '../types';
import { AWS_SAML_AUDIENCES, AWS_SAML_RECIPIENT } from '../saml/names';
import { signGoogleIdToken } from '../services/idp-google/id-token';
import type { GoogleAccount } from '../services/idp-google/state';
import { readAuthnRequest } from '../services/idp-saml/authn-request';
import { issueSamlResponse } from '../services/idp-saml/issue-response';
import type { SamlIdpUser } from '../services/idp-saml/state';
import type { World } from '../world';

/** A Google account for an address: created on first use, its 21-digit sub drawn from the cloud's random. */
function googleAccount(world: World, email: string): GoogleAccount {
  const address = email.trim().toLowerCase();
  const found = world.state.google.accounts.find((a) => a.email === address);
  if (found) return found;
  const local = address.split('@')[0] || 'reader';
  const account: GoogleAccount = {
    email: address,
    // Typed only when a user pool's Google IdP sends the browser to Google's sign-in page.
    password: `Pass-${world.random.hex(8)}`,
    sub: `10${world.random.string(19, '0123456789')}`,
    name: local,
    givenName: local,
  };
  world.state.google.accounts.push(account);
  return account;
}

/** The simulated IdP's directory user for a name: created on first use. */
function samlUser(world: World, username: string): SamlIdpUser {
  const saml = world.state.saml;
  const name = username.trim().toLowerCase() || 'reader';
  let user = saml.users.find((u) => u.username === name);
  if (!user) {
    user = {
      username: name,
      password: `unused-${world.random.hex(8)}`,
      nameId: world.random.uuid(),
      email: name.includes('@') ? name : `${name}@example-corp.test`,
      displayName: name,
      awsRoles: [],
    };
    saml.users.push(user);
  }
  return user;
}

export function describeFederation(world: World): Pick<Demo, 'federation'> {
  return {
    federation: {
      // Read when asked: a restore may bring other keys.
      get samlCertificate() {
        return world.keys.saml.certificateBase64;
      },
      async googleIdToken(clientId: string, email: string): Promise<string> {
        if (!getOwn(world.state.google.clients, clientId))
          setOwn(world.state.google.clients, clientId, {
            clientId,
            clientSecret: `GOCSPX-${world.random.hex(14)}`,
            redirectUris: [],
          });
        return signGoogleIdToken(world, googleAccount(world, email), { clientId });
      },
      googleAccount({ clientId, clientSecret, redirectUri }, email) {
        // What the reader's Google project holds: the secret the template gives the pool, and the
        // pool's /oauth2/idpresponse among the authorized redirect URIs (AWS's setup instructions:
        // https://repost.aws/knowledge-center/cognito-google-social-identity-provider).
        const found = getOwn(world.state.google.clients, clientId);
        const client = found ?? { clientId, clientSecret, redirectUris: [] };
        client.clientSecret = clientSecret;
        if (!client.redirectUris.includes(redirectUri)) client.redirectUris.push(redirectUri);
        if (!found) setOwn(world.state.google.clients, clientId, client);
        const account = googleAccount(world, email);
        return { username: account.email, password: account.password };
      },
      async samlResponseToUserPool({ issuer, username, samlRequest }) {
        // As an IdP answers an SP-initiated sign-in: to the AuthnRequest's issuer, at its ACS URL.
        const request = await readAuthnRequest(samlRequest);
        if (!request?.acsUrl) return undefined;
        const saml = world.state.saml;
        if (issuer) saml.entityId = issuer;
        const user = samlUser(world, username);
        const sp = { name: request.issuer, entityId: request.issuer, acsUrl: request.acsUrl, aws: false };
        const response = await issueSamlResponse(world, user, sp, { inResponseTo: request.id });
        return { acsUrl: request.acsUrl, samlResponse: response };
      },
      async samlResponse({ issuer, username, roles }): Promise<string> {
        const saml = world.state.saml;
        if (issuer) saml.entityId = issuer;
        const user = samlUser(world, username);
        user.awsRoles = [...roles];
        const aws = saml.serviceProviders.find((sp) => sp.aws) ?? {
          name: 'Amazon Web Services',
          entityId: AWS_SAML_AUDIENCES[1],
          acsUrl: AWS_SAML_RECIPIENT,
          aws: true,
        };
        if (!saml.serviceProviders.includes(aws)) saml.serviceProviders.push(aws);
        return issueSamlResponse(world, user, aws);
      },
    },
  };
}
