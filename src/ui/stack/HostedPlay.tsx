import { useState } from 'react';
import {
  type HostedProvider,
  hostedProviders,
  playHosted,
  poolSamlTrusted,
  trustSimulatedIdpInUserPool,
} from '../../stack/play-hosted';
import type { PlaySectionProps } from './play-section';

/**
 * Sign-in through a user pool's own Google or SAML identity provider: the hosted UI's redirects
 * played hop by hop (authorize, the IdP, idpresponse, the code at /oauth2/token), then the identity
 * pool that trusts the app client. Where the template's set-up cannot sign anyone in this way, the
 * played calls and note say why (the engine's own refusal where it has one).
 */
export function HostedPlay({ stack, region, busy, run }: PlaySectionProps) {
  const providers = hostedProviders(stack.state);
  if (providers.length === 0) return null;
  return (
    <div className="stack-federated">
      {providers.map((p) => (
        <HostedProviderForm
          key={`${p.userPoolId}|${p.providerName}`}
          stack={stack}
          region={region}
          busy={busy}
          run={run}
          provider={p}
        />
      ))}
    </div>
  );
}

function HostedProviderForm({
  stack,
  region,
  busy,
  run,
  provider: p,
}: PlaySectionProps & { provider: HostedProvider }) {
  const google = p.type === 'Google';
  const [user, setUser] = useState(google ? 'reader@gmail.com' : 'dana');
  // A client that does not list the provider is still played, so the reader sees /oauth2/authorize refuse it.
  const clientIds = p.clientIds.length ? p.clientIds : p.allClientIds;
  const [clientId, setClientId] = useState(clientIds[0] ?? '');
  const [trustVersion, setTrustVersion] = useState(0);
  const pool = stack.state.cognitoIdp.pools[p.userPoolId];
  const trusted = !google && trustVersion >= 0 && poolSamlTrusted(stack.cloud, p.userPoolId, p.providerName);
  const identityPool = Object.values(stack.state.cognitoIdentity.pools).find((ip) =>
    ip.CognitoIdentityProviders.some((c) => c.ClientId === clientId),
  );
  const clientName = (id: string) => pool?.clients[id]?.clientName ?? id;
  if (clientIds.length === 0) return null;
  return (
    <form
      className="stack-actions"
      onSubmit={(e) => {
        e.preventDefault();
        run(`${p.providerName} user ${user} through ${p.poolName}`, () =>
          playHosted(stack.cloud, region, {
            userPoolId: p.userPoolId,
            clientId,
            providerName: p.providerName,
            username: user,
            ...(identityPool ? { identityPoolId: identityPool.IdentityPoolId } : {}),
          }),
        );
      }}
    >
      {clientIds.length > 1 ? (
        <label className="stack-field">
          <span>App client for {p.providerName}</span>
          <select value={clientId} onChange={(e) => setClientId(e.target.value)}>
            {clientIds.map((id) => (
              <option key={id} value={id}>
                {clientName(id)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="stack-field">
        <span>
          {google ? 'Google account' : 'SAML user'} for {p.poolName}’s {p.providerName} provider (hosted UI)
        </span>
        <input value={user} onChange={(e) => setUser(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Sign in with {p.providerName} through {p.poolName}
      </button>
      {p.clientIds.length === 0 ? (
        <p className="stack-note">
          No app client of {p.poolName} lists {p.providerName} in SupportedIdentityProviders:
          /oauth2/authorize refuses the sign-in; play it to see the answer.
        </p>
      ) : null}
      {!google && !trusted ? (
        <p className="stack-note">
          The user pool’s {p.providerName} provider trusts your IdP’s certificate, and your IdP’s private key
          is not here: /saml2/idpresponse refuses an assertion the simulator signs, as AWS would.{' '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() =>
              void trustSimulatedIdpInUserPool(stack.cloud, p.userPoolId, p.providerName).then(() =>
                setTrustVersion((v) => v + 1),
              )
            }
          >
            Let the simulator’s IdP stand in for {p.providerName}
          </button>{' '}
          (its certificate replaces yours in the user pool’s provider, as UpdateIdentityProvider with its
          metadata would).
        </p>
      ) : !google ? (
        <p className="stack-note">
          {p.providerName} (user pool) now verifies with the simulator’s IdP certificate.
        </p>
      ) : null}
    </form>
  );
}
