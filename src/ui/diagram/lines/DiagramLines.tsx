import { useStoreApi, type Viewport } from '@xyflow/react';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useAppStoreApi } from '../../../store/hooks';
import { useReducedMotion } from '../../common/use-reduced-motion';
import type { PacketEdgeData } from '../build-graph';
import { pointAlong, roundedPath } from '../layout';
import { PACKETS } from '../packets';
import { useEdgeData } from '../step-data';

/**
 * Where the packet is along its route at playhead `progress`: 0 → 0.5 out along the line, 0.5 → 1 the
 * answer back. With reduced motion it rests at the end of the answer leg, where the result arrived.
 */
function packetAt(points: PacketEdgeData['points'], progress: number, reduced: boolean) {
  const t = reduced ? 1 : progress;
  const along = t < 0.5 ? t * 2 : 2 - t * 2;
  return { point: pointAlong(points, along), back: t >= 0.5 };
}

/**
 * Follows the player's playhead, which changes every animation frame, by calling `place` directly (its
 * own subscription: no React render per frame). Nothing animates on its own, so pausing, seeking and
 * speed are exact.
 */
function usePlayhead(place: ((progress: number) => void) | null, reduced: boolean) {
  const store = useAppStoreApi();
  useLayoutEffect(() => {
    if (!place) return;
    const { playhead } = store.getState();
    place(playhead.get());
    if (reduced) return;
    return playhead.subscribe(place);
  }, [place, reduced, store]);
}

/** A line along its precomputed route (layout.ts), and the packet's dot when one travels on it. */
const LinePath = memo(function LinePath({ data }: { data: PacketEdgeData }) {
  const { points, packet, state } = data;
  const path = useMemo(() => roundedPath(points), [points]);
  const reduced = useReducedMotion();
  const dotRef = useRef<SVGGElement>(null);
  const outRef = useRef<SVGCircleElement>(null);
  const backRef = useRef<SVGCircleElement>(null);
  const place = useMemo(() => {
    if (!packet || points.length < 2) return null;
    return (progress: number) => {
      const { point, back } = packetAt(points, progress, reduced);
      dotRef.current?.setAttribute('transform', `translate(${point.x} ${point.y})`);
      outRef.current?.setAttribute('visibility', back ? 'hidden' : 'visible');
      backRef.current?.setAttribute('visibility', back ? 'visible' : 'hidden');
    };
  }, [packet, points, reduced]);
  usePlayhead(place, reduced);
  const out = packet ? PACKETS[packet.out] : undefined;
  const back = packet ? PACKETS[packet.back] : undefined;
  return (
    <g className="diagram-line">
      <path
        d={path}
        fill="none"
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
    </g>
  );
});

/** What the packet carries, in words, riding above its dot (over the line labels). */
const PacketWords = memo(function PacketWords({ data }: { data: PacketEdgeData }) {
  const { points, packet } = data;
  const reduced = useReducedMotion();
  const wordsRef = useRef<HTMLDivElement>(null);
  const place = useMemo(() => {
    if (!packet?.outWords || points.length < 2) return null;
    return (progress: number) => {
      const words = wordsRef.current;
      if (!words) return;
      const { point, back } = packetAt(points, progress, reduced);
      // The words start just left of the dot and run right: boxes at the drawing's left edge keep them in view.
      words.style.transform = `translate(-14px, -100%) translate(${point.x}px, ${point.y - 12}px)`;
      words.textContent = back ? (packet.backWords ?? '') : (packet.outWords ?? '');
      words.dataset.leg = back ? 'back' : 'out';
    };
  }, [packet, points, reduced]);
  usePlayhead(place, reduced);
  return place ? <div ref={wordsRef} className="packet__words" /> : null;
});

/** The line's label (its steps and operations), centred where layout.ts found room for it. */
const LineLabel = memo(function LineLabel({ data }: { data: PacketEdgeData }) {
  const { labelLines, labelAt: at, state } = data;
  if (!labelLines.length) return null;
  return (
    <div
      className={`edge-label edge-label--${state}${data.internal ? ' edge-label--internal' : ''}`}
      style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}
    >
      {labelLines.map((line) => (
        <span key={line} className="edge-label__line">
          {line}
        </span>
      ))}
    </div>
  );
});

/*
 * Each reads this step's data for its line from context (step-data.ts) and renders only when it changed.
 */
function LinePathOf({ id }: { id: string }) {
  const data = useEdgeData(id);
  return data ? <LinePath data={data} /> : null;
}
function LineLabelOf({ id }: { id: string }) {
  const data = useEdgeData(id);
  return data ? <LineLabel data={data} /> : null;
}
function PacketWordsOf({ id }: { id: string }) {
  const data = useEdgeData(id);
  return data?.packet ? <PacketWords data={data} /> : null;
}

const transformOf = (x: number, y: number, zoom: number) => `translate(${x}px, ${y}px) scale(${zoom})`;

/**
 * The diagram's lines, their labels and the packet, in a layer of their own under React Flow's boxes.
 * React Flow is given no edges: its edges wait for every box's handles to be measured and then render
 * in one long task, and each line here already carries its own route (layout.ts), so React Flow had
 * nothing to compute for them. The layer follows React Flow's viewport (pan and zoom) by writing its
 * transform directly when React Flow's store changes it.
 */
export const DiagramLines = memo(function DiagramLines({
  ids,
  viewport,
}: {
  /** The scenario's lines (the same at every step). */
  ids: readonly string[];
  /** React Flow's starting viewport. */
  viewport: Viewport;
}) {
  const flow = useStoreApi();
  const layer = useRef<HTMLDivElement>(null);
  useLayoutEffect(
    () =>
      flow.subscribe((state, previous) => {
        if (state.transform === previous.transform || !layer.current) return;
        const [x, y, zoom] = state.transform;
        layer.current.style.transform = transformOf(x, y, zoom);
      }),
    [flow],
  );
  return (
    <div className="diagram-lines">
      <div
        ref={layer}
        className="diagram-lines__viewport"
        style={{ transform: transformOf(viewport.x, viewport.y, viewport.zoom) }}
      >
        {/* Graphics only: the caption above the canvas says in words what each line carries. */}
        <svg className="diagram-lines__svg" aria-hidden="true">
          {ids.map((id) => (
            <LinePathOf key={id} id={id} />
          ))}
        </svg>
        {ids.map((id) => (
          <LineLabelOf key={id} id={id} />
        ))}
        {ids.map((id) => (
          <PacketWordsOf key={id} id={id} />
        ))}
      </div>
    </div>
  );
});
