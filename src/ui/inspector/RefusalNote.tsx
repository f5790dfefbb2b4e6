import type { TraceEntry } from '../../player/create-player';
import { TokenBreaks } from '../common/TokenBreaks';
import { refusalOf } from './refusal';

/**
 * "The engine refused": status, AWS's error code and message, exactly as the simulated service sent them.
 * The message may hold an ARN longer than the panel is wide: it wraps between the ARN's parts.
 */
export function RefusalNote({ entry }: { entry: TraceEntry | undefined }) {
  const refusal = refusalOf(entry);
  if (!refusal) return null;
  return (
    <section className="note note--aws-error" aria-label="Engine refusal">
      <strong>The engine refused:</strong>{' '}
      <code>
        {refusal.status}
        {refusal.code ? ` ${refusal.code}` : ''}
      </code>
      {refusal.message ? (
        <div>
          <q>
            <TokenBreaks text={refusal.message} />
          </q>
        </div>
      ) : null}
    </section>
  );
}
