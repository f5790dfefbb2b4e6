import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useAppStore } from '../../../store/hooks';
import { useReducedMotion } from '../../common/use-reduced-motion';
import type { PacketEdge as PacketEdgeType } from '../build-graph';
import { PACKETS } from '../packets';

/**
 * An edge with a packet travelling on it. The packet's place is derived from the player's playhead
 * (`progress`): 0 → 0.5 out along the edge, 0.5 → 1 the answer back. Pausing, seeking and speed are
 * therefore exact, and nothing animates on its own (no CSS dash animation).
 */
function PacketEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<PacketEdgeType>) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const packet = data?.packet;
  const progress = useAppStore((s) => (packet ? s.progress : 1));
  const reduced = useReducedMotion();
  const pathRef = useRef<SVGPathElement>(null);
  const [point, setPoint] = useState<{ x: number; y: number } | null>(null);
  const back = progress >= 0.5;

  useLayoutEffect(() => {
    const el = pathRef.current;
    if (!packet || !el || typeof el.getTotalLength !== 'function') {
      setPoint(null);
      return;
    }
    const total = el.getTotalLength();
    // With reduced motion the packet rests at the end of the answer leg: where the result arrived.
    const t = reduced ? 1 : progress;
    const along = t < 0.5 ? t * 2 : 2 - t * 2;
    const p = el.getPointAtLength(total * along);
    setPoint({ x: p.x, y: p.y });
  }, [packet, progress, reduced]);

  const state = data?.state ?? 'pending';
  const kind = packet ? (back || reduced ? packet.back : packet.out) : undefined;
  const look = kind ? PACKETS[kind] : undefined;
  return (
    <>
      <path ref={pathRef} d={path} fill="none" stroke="none" />
      <BaseEdge
        id={id}
        path={path}
        className={`packet-edge packet-edge--${state}${data?.internal ? ' packet-edge--internal' : ''}`}
      />
      {point && look ? (
        <g className="packet" transform={`translate(${point.x} ${point.y})`}>
          <circle r={9} fill={look.color} stroke="var(--surface)" strokeWidth={2} />
        </g>
      ) : null}
      <EdgeLabelRenderer>
        <div
          className={`edge-label edge-label--${state}${data?.internal ? ' edge-label--internal' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {data?.label}
          {look && state !== 'pending' ? <span className="edge-label__packet"> — {look.label}</span> : null}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const PacketEdge = memo(PacketEdgeView);
