import type { Cloud } from '../sim/index';
import type { StackState } from './build-context';
import { credentials, type PlayResult, recorded, touch } from './play';
import { nodeIdOf } from './pipeline-ids';

/**
 * Google and SAML sign-in played against an imported stack's identity pool, through the same engine
 * as the demo. The simulated Google signs an ID token for the client id the template names in
 * `SupportedLoginProviders`; the simulated SAML IdP (under the entity id of the template's metadata)
 * signs an assertion whose Role attribute lists the pool's roles paired with the provider ARN. The
 * identity pool then checks them as AWS would: a SAML provider whose metadata holds the reader's own
 * IdP certificate refuses an assertion signed by the simulator, unless the reader lets the simulated
 * IdP stand in (the provider then trusts the simulator's certificate, as UpdateSAMLProvider with the
 * simulator's metadata would make it).
 */
export const GOOGLE_LOGIN = 'accounts.google.com';

export interface FederatedOptions {
  identityPoolId: string;
  /** Google: the address signing in; SAML: the directory user name. */
  username: string;
}

/** Identity pools of the stack that take Google logins, with the client ids they accept. */
export function googlePools(
  state: StackState,
): { identityPoolId: string; name: string; clientIds: string[] }[] {
  return Object.values(state.cognitoIdentity.pools).flatMap((p) => {
    const ids = Object.hasOwn(p.SupportedLoginProviders, GOOGLE_LOGIN)
      ? (p.SupportedLoginProviders[GOOGLE_LOGIN] ?? '')
      : '';
    const clientIds = ids
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return clientIds.length
      ? [{ identityPoolId: p.IdentityPoolId, name: p.IdentityPoolName, clientIds }]
      : [];
  });
}

/** Identity pools of the stack that take SAML logins, one entry per provider ARN. */
export function samlPools(
  state: StackState,
): { identityPoolId: string; name: string; providerArn: string }[] {
  return Object.values(state.cognitoIdentity.pools).flatMap((p) =>
    p.SamlProviderARNs.map((providerArn) => ({
      identityPoolId: p.IdentityPoolId,
      name: p.IdentityPoolName,
      providerArn,
    })),
  );
}

/** Google → identity pool: the simulated Google's ID token for the template's client id in `Logins`. */
export function playGoogle(
  cloud: Cloud,
  region: string,
  options: FederatedOptions & { clientId: string },
): Promise<PlayResult> {
  return recorded(cloud, async (out) => {
    const federation = cloud.demo.federation;
    if (!federation) {
      out.note = 'This cloud has no simulated Google.';
      return;
    }
    touch(out, nodeIdOf.login(GOOGLE_LOGIN));
    const idToken = await federation.googleIdToken(options.clientId, options.username);
    out.calls.push({
      operation: 'Google sign-in',
      ok: true,
      summary: `ID token for ${options.username} (aud ${options.clientId}, iss https://accounts.google.com)`,
    });
    await credentials(cloud, region, options.identityPoolId, { [GOOGLE_LOGIN]: idToken }, out);
  });
}

export interface SamlTrust {
  /** The provider trusts the simulated IdP's certificate already. */
  trusted: boolean;
  /** Certificates the template's metadata holds (base64 DER). */
  certificates: string[];
}

/** Whether the stack's SAML provider would accept the simulated IdP's signature. */
export function samlTrust(cloud: Cloud, providerArn: string): SamlTrust {
  const state = JSON.parse(cloud.snapshot().state) as StackState;
  const provider = Object.hasOwn(state.iam.samlProviders, providerArn)
    ? state.iam.samlProviders[providerArn]
    : undefined;
  const certificates = provider?.certificates ?? [];
  const own = cloud.demo.federation?.samlCertificate;
  return { trusted: !!own && certificates.includes(own), certificates };
}

/**
 * Lets the simulated IdP stand in for the reader's: the SAML provider's certificates become the
 * simulator's (the reader's IdP private key is not here to sign with). A change to the imported world,
 * made the way an administrator would (UpdateSAMLProvider with new metadata), and said so in the view.
 */
export async function trustSimulatedSamlIdp(cloud: Cloud, providerArn: string): Promise<void> {
  const own = cloud.demo.federation?.samlCertificate;
  if (!own) return;
  const snap = cloud.snapshot();
  const state = JSON.parse(snap.state) as StackState;
  const provider = Object.hasOwn(state.iam.samlProviders, providerArn)
    ? state.iam.samlProviders[providerArn]
    : undefined;
  if (!provider) return;
  provider.certificates = [own];
  await cloud.restore({ ...snap, state: JSON.stringify(state) });
}

/** SAML → identity pool: the Logins key is the provider ARN, the value the base64 SAMLResponse. */
export function playSaml(
  cloud: Cloud,
  region: string,
  options: FederatedOptions & { providerArn: string; roleArns: string[]; entityId?: string },
): Promise<PlayResult> {
  return recorded(cloud, async (out) => {
    const federation = cloud.demo.federation;
    if (!federation) {
      out.note = 'This cloud has no simulated SAML IdP.';
      return;
    }
    touch(out, nodeIdOf.login(options.providerArn));
    const trust = samlTrust(cloud, options.providerArn);
    if (!trust.trusted)
      out.note = `The SAML provider's metadata holds ${trust.certificates.length === 0 ? 'no certificate' : 'your IdP’s certificate'}, not the simulated IdP’s: the identity pool cannot verify the simulator's signature, as AWS would refuse an assertion signed by another key. Let the simulated IdP stand in to play the sign-in.`;
    const response = await federation.samlResponse({
      issuer: options.entityId,
      username: options.username,
      roles: options.roleArns.map((role) => `${role},${options.providerArn}`),
    });
    out.calls.push({
      operation: 'SAML sign-in',
      ok: true,
      summary: `SAMLResponse for ${options.username}${options.entityId ? ` from ${options.entityId}` : ''}, Role attribute: ${options.roleArns.length} role(s)`,
    });
    await credentials(cloud, region, options.identityPoolId, { [options.providerArn]: response }, out);
  });
}
