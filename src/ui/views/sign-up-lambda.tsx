import type { TraceEvent } from '../../sim/index';

/**
 * The Lambda triggers a call ran, each with the event Cognito sent and what the simulated function
 * answered (or threw), as the engine traced them (`lambda.invoke`). Rendered as text, never as markup.
 */
interface Invocation {
  trigger: string;
  event: { triggerSource?: string };
  response?: unknown;
  error?: { errorMessage: string };
}

export function LambdaInvocations({ events }: { events: TraceEvent[] }) {
  const calls = events.filter((e) => e.kind === 'lambda.invoke');
  if (calls.length === 0) return null;
  return (
    <ul className="signup-lambda" aria-label="Lambda triggers run by this call">
      {calls.map((e) => {
        const d = e.detail as Invocation;
        return (
          <li key={`${e.requestId}-${d.trigger}`}>
            <details>
              <summary>
                Lambda {d.trigger} ({d.event.triggerSource})
                {d.error ? ` threw “${d.error.errorMessage}”` : ''}
              </summary>
              <p className="hint">Event Cognito sent to the function:</p>
              <pre className="signup-lambda__json">{JSON.stringify(d.event, null, 2)}</pre>
              <p className="hint">
                {d.error ? 'The function threw:' : 'The function returned the event with this response:'}
              </p>
              <pre className="signup-lambda__json">
                {JSON.stringify(
                  d.error ?? (d.response as { response?: unknown } | undefined)?.response,
                  null,
                  2,
                )}
              </pre>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
