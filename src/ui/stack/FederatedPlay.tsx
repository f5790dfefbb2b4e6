import { useState } from 'react';
import {
  googlePools,
  playGoogle,
  playSaml,
  samlPools,
  samlTrust,
  trustSimulatedSamlIdp,
} from '../../stack/play-federated';
import type { PlaySectionProps } from './play-section';

/**
 * Google and SAML sign-in against the stack's identity pools, with the simulated IdPs configured from
 * the template (Google's client id, the SAML metadata's entity id). A user pool's own Google or SAML
 * IdP is played by HostedPlay.
 */
export function FederatedPlay({ stack, region, busy, run }: PlaySectionProps) {
  const google = googlePools(stack.state);
  const saml = samlPools(stack.state);
  const [googleUser, setGoogleUser] = useState('reader@gmail.com');
  const [samlUser, setSamlUser] = useState('dana');
  const [samlChoice, setSamlChoice] = useState(0);
  const [trustVersion, setTrustVersion] = useState(0);
  const samlEntry = saml[samlChoice];
  // Read again after the reader lets the simulated IdP stand in (trustVersion changes).
  const trust = samlEntry && trustVersion >= 0 ? samlTrust(stack.cloud, samlEntry.providerArn) : undefined;
  if (google.length === 0 && saml.length === 0) return null;
  const poolRoles = (identityPoolId: string) => {
    const ip = stack.state.cognitoIdentity.pools[identityPoolId];
    const rules = Object.values(ip?.RoleMappings ?? {}).flatMap((m) => m.RulesConfiguration?.Rules ?? []);
    return [
      ...new Set([ip?.Roles.authenticated, ...rules.map((r) => r.RoleARN)].filter((r): r is string => !!r)),
    ];
  };

  return (
    <div className="stack-federated">
      {google.map((g) => (
        <form
          key={g.identityPoolId}
          className="stack-actions"
          onSubmit={(e) => {
            e.preventDefault();
            run(`Google user ${googleUser}`, () =>
              playGoogle(stack.cloud, region, {
                identityPoolId: g.identityPoolId,
                clientId: g.clientIds[0] ?? '',
                username: googleUser,
              }),
            );
          }}
        >
          <label className="stack-field">
            <span>
              Google account (simulated Google, client <span className="stack-id">{g.clientIds[0]}</span>)
            </span>
            <input value={googleUser} onChange={(e) => setGoogleUser(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            Sign in with Google to {g.name}
          </button>
        </form>
      ))}
      {saml.length > 0 && samlEntry ? (
        <form
          className="stack-actions"
          onSubmit={(e) => {
            e.preventDefault();
            run(`SAML user ${samlUser}`, () =>
              playSaml(stack.cloud, region, {
                identityPoolId: samlEntry.identityPoolId,
                providerArn: samlEntry.providerArn,
                entityId: stack.samlEntityIds[samlEntry.providerArn],
                username: samlUser,
                roleArns: poolRoles(samlEntry.identityPoolId),
              }),
            );
          }}
        >
          {saml.length > 1 ? (
            <label className="stack-field">
              <span>SAML provider</span>
              <select value={samlChoice} onChange={(e) => setSamlChoice(Number(e.target.value))}>
                {saml.map((s, i) => (
                  <option key={`${s.identityPoolId}|${s.providerArn}`} value={i}>
                    {s.name} / {s.providerArn.split('/').pop()}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="stack-field">
            <span>
              SAML user (simulated IdP as{' '}
              <span className="stack-id">{stack.samlEntityIds[samlEntry.providerArn] ?? 'your IdP'}</span>)
            </span>
            <input value={samlUser} onChange={(e) => setSamlUser(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            Sign in with SAML ({samlEntry.providerArn.split('/').pop()}) to {samlEntry.name}
          </button>
          {trust && !trust.trusted ? (
            <p className="stack-note">
              {samlEntry.providerArn.split('/').pop()} trusts{' '}
              {trust.certificates.length ? 'your IdP’s certificate' : 'no certificate'}, and your IdP’s
              private key is not here: an assertion the simulator signs is refused, as AWS would refuse it.{' '}
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() =>
                  void trustSimulatedSamlIdp(stack.cloud, samlEntry.providerArn).then(() =>
                    setTrustVersion((v) => v + 1),
                  )
                }
              >
                Let the simulated IdP stand in
              </button>{' '}
              (its certificate replaces yours in the provider, as UpdateSAMLProvider with its metadata would).
            </p>
          ) : trust?.trusted ? (
            <p className="stack-note">The provider trusts the simulated IdP’s certificate.</p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
