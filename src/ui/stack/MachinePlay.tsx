import { machineClients, playClientCredentials } from '../../stack/play-machine';
import type { PlaySectionProps } from './play-section';

/**
 * Machine-to-machine access: each app client allowed the client credentials grant gets a button that
 * asks for its access token and calls the API methods its pool's authorizers guard (play-machine.ts).
 */
export function MachinePlay({ stack, region, busy, run }: PlaySectionProps) {
  const machines = machineClients(stack.state);
  if (machines.length === 0) return null;
  return (
    <div className="stack-actions">
      {machines.map((m) => (
        <button
          key={m.clientId}
          type="button"
          disabled={busy}
          onClick={() =>
            run(`${m.clientName} (client credentials) in ${m.poolName}`, () =>
              playClientCredentials(stack.cloud, region, m),
            )
          }
        >
          Get a client credentials token as {m.clientName}
        </button>
      ))}
    </div>
  );
}
