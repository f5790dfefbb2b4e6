import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { type Point, roundedPath } from '../diagram/layout';

export type RouteEdgeData = { points: Point[]; lit: boolean };
export type RouteEdgeType = Edge<RouteEdgeData, 'route'>;

/** A line along its precomputed orthogonal route (pipeline-layout.ts), drawn bold when a played flow used it. */
function RouteEdgeView({ id, data }: EdgeProps<RouteEdgeType>) {
  const path = useMemo(() => roundedPath(data?.points ?? []), [data?.points]);
  return <BaseEdge id={id} path={path} className={data?.lit ? 'stack-edge is-lit' : 'stack-edge'} />;
}

export const RouteEdge = memo(RouteEdgeView);
