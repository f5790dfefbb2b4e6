import { useShallow } from 'zustand/react/shallow';
import type { HeldValues } from '../../player/create-player';
import { clockMoveFits } from '../../player/timeline';
import { useAppStore, useAppStoreApi } from '../../store/hooks';
import { maskValue } from '../common/mask';

const clockFullId = 'clock-moves-full';

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
  holder,
}: {
  held: HeldValues | undefined;
  clock: number;
  reveal: boolean;
  /** The one box that keeps these credentials, when the scenario says so (the Admin API's backend). */
  holder?: string;
}) {
  const store = useAppStoreApi();
  const c = held?.credentials;
  // The buttons say when the clock cannot move further here (a link carries at most 20 moves of a week
  // each), instead of doing nothing when pressed.
  const fits = useAppStore(
    useShallow((s) => ({
      five: clockMoveFits(s.clockJumps, s.position, 5 * 60_000),
      hour: clockMoveFits(s.clockJumps, s.position, 60 * 60_000),
    })),
  );
  return (
    <div className="credentials-panel">
      {c && holder ? <p>Held by the {holder} box only: the browser app never has them.</p> : null}
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
        Simulation time:{' '}
        <time className="nowrap" dateTime={new Date(clock).toISOString()}>
          {new Date(clock).toISOString()}
        </time>
      </p>
      <fieldset
        className="clock-controls"
        aria-describedby={fits.five && fits.hour ? undefined : clockFullId}
      >
        <legend className="visually-hidden">Move the simulation clock</legend>
        <button
          type="button"
          aria-disabled={!fits.five || undefined}
          onClick={() => (fits.five ? void store.getState().advanceClock(5 * 60_000) : undefined)}
        >
          Clock +5 min
        </button>
        <button
          type="button"
          aria-disabled={!fits.hour || undefined}
          onClick={() => (fits.hour ? void store.getState().advanceClock(60 * 60_000) : undefined)}
        >
          Clock +1 hour
        </button>
      </fieldset>
      {fits.five && fits.hour ? null : (
        <p className="hint" id={clockFullId} role="status">
          The clock has moved as far as a link can carry from here (20 moves, at most a week each). Go back
          before a move, or Restart, to move it again.
        </p>
      )}
      <p className="hint">
        Moving the clock changes what the next step sends and what the engine accepts: watch tokens and
        credentials expire.
      </p>
    </div>
  );
}
