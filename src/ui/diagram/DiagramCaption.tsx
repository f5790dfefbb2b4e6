import type { buildGraph } from './build-graph';
import { PACKETS } from './packets';

/** What travels on the current step's line (out and back), or how to read the diagram before any step. */
export function DiagramCaption({ edges }: { edges: ReturnType<typeof buildGraph>['edges'] }) {
  const travelling = edges.find((e) => e.data?.packet && !e.data.internal)?.data?.packet;
  return (
    <p className="diagram__caption">
      {travelling ? (
        <>
          <span className="dot" style={{ background: PACKETS[travelling.out].color }} />
          {travelling.outWords ?? PACKETS[travelling.out].label} →{' '}
          <span className="dot" style={{ background: PACKETS[travelling.back].color }} />
          {travelling.backWords ?? PACKETS[travelling.back].label}
        </>
      ) : (
        'Lines light up as each step runs; a dot carries what travels.'
      )}
    </p>
  );
}
