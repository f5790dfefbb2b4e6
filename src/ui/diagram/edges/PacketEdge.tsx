import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useAppStoreApi } from '../../../store/hooks';
import { useReducedMotion } from '../../common/use-reduced-motion';
import type { PacketEdgeData } from '../build-graph';
import { pointAlong, roundedPath } from '../layout';
import { PACKETS } from '../packets';
import { type StructureEdge, useEdgeData } from '../step-data';

/**
 * An edge along its precomputed route (layout.ts) with a packet travelling on it. The packet's place is
 * derived from the player's playhead (`progress`): 0 → 0.5 out along the edge, 0.5 → 1 the answer back,
 * so pausing, seeking and speed are exact. The playhead changes every animation frame; it moves the
 * packet by writing the SVG transform directly (its own subscription, no React render per frame), and
 * nothing animates on its own (no CSS dash animation).
 */
const PacketLine = memo(function PacketLine({ id, data }: { id: string; data: PacketEdgeData }) {
  const points = data.points;
  const path = useMemo(() => roundedPath(points), [points]);
  const packet = data.packet;
  const store = useAppStoreApi();
  const reduced = useReducedMotion();
  const dotRef = useRef<SVGGElement>(null);
  const outRef = useRef<SVGCircleElement>(null);
  const backRef = useRef<SVGCircleElement>(null);
  // What the packet carries, in words, rides above the dot in the label layer (over the edge labels).
  const wordsRef = useRef<HTMLDivElement | null>(null);
  // The label layer is a portal that can mount after the effect ran: place the words when it does.
  const placeRef = useRef<((progress: number) => void) | null>(null);
  const attachWords = useCallback(
    (el: HTMLDivElement | null) => {
      wordsRef.current = el;
      if (el) placeRef.current?.(store.getState().playhead.get());
    },
    [store],
  );

  useLayoutEffect(() => {
    if (!packet || points.length < 2) return;
    const place = (progress: number) => {
      const g = dotRef.current;
      if (!g) return;
      // With reduced motion the packet rests at the end of the answer leg: where the result arrived.
      const t = reduced ? 1 : progress;
      const along = t < 0.5 ? t * 2 : 2 - t * 2;
      const p = pointAlong(points, along);
      g.setAttribute('transform', `translate(${p.x} ${p.y})`);
      const back = t >= 0.5;
      outRef.current?.setAttribute('visibility', back ? 'hidden' : 'visible');
      backRef.current?.setAttribute('visibility', back ? 'visible' : 'hidden');
      const words = wordsRef.current;
      if (words) {
        // The words start just left of the dot and run right: boxes at the drawing's left edge keep them in view.
        words.style.transform = `translate(-14px, -100%) translate(${p.x}px, ${p.y - 12}px)`;
        words.textContent = back ? (packet.backWords ?? '') : (packet.outWords ?? '');
        words.dataset.leg = back ? 'back' : 'out';
      }
    };
    placeRef.current = place;
    const { playhead } = store.getState();
    place(playhead.get());
    if (reduced) return;
    return playhead.subscribe(place);
  }, [packet, points, reduced, store]);

  const state = data.state;
  const out = packet ? PACKETS[packet.out] : undefined;
  const back = packet ? PACKETS[packet.back] : undefined;
  const at = data.labelAt;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`packet-edge packet-edge--${state}${data.internal ? ' packet-edge--internal' : ''}`}
      />
      {out && back ? (
        <g ref={dotRef} className="packet">
          <circle ref={outRef} r={9} fill={out.color} stroke="var(--surface)" strokeWidth={2} />
          <circle
            ref={backRef}
            r={9}
            fill={back.color}
            stroke="var(--surface)"
            strokeWidth={2}
            visibility="hidden"
          />
        </g>
      ) : null}
      {packet?.outWords ? (
        <EdgeLabelRenderer>
          <div ref={attachWords} className="packet__words" />
        </EdgeLabelRenderer>
      ) : null}
      {data.labelLines.length ? (
        <EdgeLabelRenderer>
          <div
            className={`edge-label edge-label--${state}${data.internal ? ' edge-label--internal' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
          >
            {data.labelLines.map((line) => (
              <span key={line} className="edge-label__line">
                {line}
              </span>
            ))}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

/** React Flow's edge: finds this step's data for the line (step-data.ts); the line renders only when it changed. */
function PacketEdgeView({ id }: EdgeProps<StructureEdge>) {
  const data = useEdgeData(id);
  return data ? <PacketLine id={id} data={data} /> : null;
}

export const PacketEdge = memo(PacketEdgeView);
