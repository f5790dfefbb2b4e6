import type { HeldValues } from '../../player/create-player';
import { useAppStoreApi } from '../../store/hooks';
import { maskValue } from '../common/mask';

function countdown(ms: number): string {
  if (ms <= 0) return 'expired';
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h} h ` : ''}${m} min ${s} s left`;
}

/** The AWS credentials the app holds, with a countdown on the simulation clock and a way to move it. */
export function CredentialsPanel({
  held,
  clock,
  reveal,
}: {
  held: HeldValues | undefined;
  clock: number;
  reveal: boolean;
}) {
  const store = useAppStoreApi();
  const c = held?.credentials;
  return (
    <div className="credentials-panel">
      {c ? (
        <dl className="kv">
          <dt>Access key id</dt>
          <dd>
            <code>{c.accessKeyId}</code>{' '}
            {c.accessKeyId.startsWith('ASIA')
              ? '(ASIA…: temporary)'
              : c.accessKeyId.startsWith('AKIA')
                ? '(AKIA…: long-term)'
                : ''}
          </dd>
          <dt>Secret access key</dt>
          <dd>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
            <code className="token-line" tabIndex={0}>
              {reveal ? c.secretAccessKey : maskValue(c.secretAccessKey)}
            </code>
          </dd>
          <dt>Session token</dt>
          <dd>
            {/* A revealed session token is one long token: it scrolls sideways rather than break inside. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable) */}
            <code className="token-line" tabIndex={0}>
              {c.sessionToken
                ? reveal
                  ? c.sessionToken
                  : maskValue(c.sessionToken)
                : '(none: long-term keys)'}
            </code>
          </dd>
          <dt>Expires</dt>
          <dd>
            {c.expiration !== undefined ? (
              <>
                {/* A timestamp is one token: it never breaks at its hyphens. */}
                <span className="nowrap">{new Date(c.expiration).toISOString()}</span> —{' '}
                <strong className={c.expiration <= clock ? 'expired' : ''}>
                  {countdown(c.expiration - clock)}
                </strong>
              </>
            ) : (
              'no expiry given'
            )}
          </dd>
        </dl>
      ) : (
        <p>The app holds no AWS credentials at this step.</p>
      )}
      <p>
        Simulation time: <time dateTime={new Date(clock).toISOString()}>{new Date(clock).toISOString()}</time>
      </p>
      <fieldset className="clock-controls">
        <legend className="visually-hidden">Move the simulation clock</legend>
        <button type="button" onClick={() => void store.getState().advanceClock(5 * 60_000)}>
          Clock +5 min
        </button>
        <button type="button" onClick={() => void store.getState().advanceClock(60 * 60_000)}>
          Clock +1 hour
        </button>
      </fieldset>
      <p className="hint">
        Moving the clock changes what the next step sends and what the engine accepts: watch tokens and
        credentials expire.
      </p>
    </div>
  );
}
