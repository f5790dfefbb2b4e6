import { useState } from 'react';
import type { ImportedStack } from '../../stack/index';
import { type PlayResult, playGuest, playUser } from '../../stack/play';
import { playResourceCall } from '../../stack/play-resource';
import { FederatedPlay } from './FederatedPlay';
import { HostedPlay } from './HostedPlay';
import { MachinePlay } from './MachinePlay';
import { PlayResultPanel } from './PlayResultPanel';

/**
 * Flows played against the imported stack with real requests: a guest of an identity pool, and a
 * test user created in a user pool who signs in (and gets credentials when an identity pool trusts
 * the client). What the credentials may then do is the caller's row in the matrix.
 */
export function PlayPanel({
  stack,
  region,
  onPlayed,
}: {
  stack: ImportedStack;
  region: string;
  /** The boxes the played requests went through, for the diagram to light. */
  onPlayed(touched: string[]): void;
}) {
  const identityPools = Object.values(stack.state.cognitoIdentity.pools);
  // The user pools that have app clients: the select groups its options under them.
  const poolsWithClients = Object.values(stack.state.cognitoIdp.pools).filter(
    (p) => Object.keys(p.clients).length > 0,
  );
  const clients = poolsWithClients.flatMap((p) =>
    Object.values(p.clients).map((c) => ({ pool: p, client: c })),
  );
  const [poolId, setPoolId] = useState(identityPools[0]?.IdentityPoolId ?? '');
  const [clientId, setClientId] = useState(clients[0]?.client.clientId ?? '');
  const [user, setUser] = useState({
    username: 'tester',
    password: 'Tester-Pass-2026!',
    email: 'tester@example.com',
  });
  const [result, setResult] = useState<{ title: string; played: PlayResult } | null>(null);
  const [busy, setBusy] = useState(false);
  if (identityPools.length === 0 && clients.length === 0) return null;

  // Every flow that obtains credentials goes on to call a resource with them (SigV4, as an SDK would).
  const run = async (title: string, play: () => Promise<PlayResult>) => {
    setBusy(true);
    try {
      const played = await play();
      await playResourceCall(stack.cloud, region, Date.now(), stack.matrix, played);
      setResult({ title, played });
      onPlayed(played.touched);
    } finally {
      setBusy(false);
    }
  };
  const chosen = clients.find((c) => c.client.clientId === clientId);
  const byEmail = chosen?.pool.usernameAttributes?.includes('email') === true;
  const trusting = identityPools.find((p) => p.CognitoIdentityProviders.some((c) => c.ClientId === clientId));

  return (
    <section className="stack-panel" aria-labelledby="stack-play">
      <h3 id="stack-play">Play against your stack</h3>
      {identityPools.length > 0 ? (
        <div className="stack-actions">
          <label className="stack-field">
            <span>Identity pool</span>
            <select value={poolId} onChange={(e) => setPoolId(e.target.value)}>
              {identityPools.map((p) => (
                <option key={p.IdentityPoolId} value={p.IdentityPoolId}>
                  {p.IdentityPoolName}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run('Guest', () => playGuest(stack.cloud, region, poolId))}
          >
            Get guest credentials
          </button>
        </div>
      ) : null}
      {clients.length > 0 ? (
        <form
          className="stack-play-user"
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen) return;
            void run(`Test user ${byEmail ? user.email : user.username}`, () =>
              playUser(stack.cloud, region, {
                userPoolId: chosen.pool.id,
                clientId,
                ...user,
                ...(trusting ? { identityPoolId: trusting.IdentityPoolId } : {}),
              }),
            );
          }}
        >
          <label className="stack-field">
            <span>App client</span>
            {/*
             * Options name the client only, under their user pool's group: "pool / client" did not fit
             * the field. A name that still does not fit ends in an ellipsis; the title gives it whole.
             */}
            <select
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
              title={chosen ? `${chosen.client.clientName}, app client of ${chosen.pool.name}` : undefined}
            >
              {poolsWithClients.map((pool) => (
                <optgroup key={pool.id} label={`User pool ${pool.name}`}>
                  {Object.values(pool.clients).map((client) => (
                    <option key={client.clientId} value={client.clientId} title={client.clientName}>
                      {client.clientName}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          {(['username', 'password', 'email'] as const).map((k) =>
            // A pool with email as its username attribute takes the address as the Username and
            // generates the username itself: there is no username to choose.
            k === 'username' && byEmail ? (
              <p key={k} className="stack-field">
                Test user username: generated by the pool, which signs users in by email address
              </p>
            ) : (
              <label key={k} className="stack-field">
                <span>Test user {k}</span>
                <input value={user[k]} onChange={(e) => setUser({ ...user, [k]: e.target.value })} />
              </label>
            ),
          )}
          <button type="submit" disabled={busy}>
            Create the test user and sign in
          </button>
        </form>
      ) : null}
      <FederatedPlay stack={stack} region={region} busy={busy} run={(t, p) => void run(t, p)} />
      <HostedPlay stack={stack} region={region} busy={busy} run={(t, p) => void run(t, p)} />
      <MachinePlay stack={stack} region={region} busy={busy} run={(t, p) => void run(t, p)} />
      {result ? <PlayResultPanel title={result.title} played={result.played} /> : null}
    </section>
  );
}
