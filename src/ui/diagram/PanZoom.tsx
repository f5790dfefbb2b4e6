import { ReactFlow, type ReactFlowInstance, useReactFlow, useStoreApi } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect, useState } from 'react';
import type { ViewportHub } from './viewport-hub';

/** What the canvas asks of React Flow: its zoom steps and a viewport set outright (a fit). */
export type PanZoomApi = Pick<ReactFlowInstance, 'zoomIn' | 'zoomOut' | 'setViewport'>;

/** FlowCanvas shows React Flow's credit itself, from before this pane loads: it is not shown twice. */
const PRO = { hideAttribution: true };
const NO_NODES: never[] = [];

/**
 * Puts React Flow's viewport on the hub as it changes (a drag, a pinch, a zoom step), and hands over its
 * API.
 */
function Bridge({ hub, onReady }: { hub: ViewportHub; onReady: (api: PanZoomApi | null) => void }) {
  const store = useStoreApi();
  const flow = useReactFlow();
  useLayoutEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.transform === previous.transform) return;
        const [x, y, zoom] = state.transform;
        hub.set({ x, y, zoom });
      }),
    [store, hub],
  );
  useEffect(() => {
    onReady(flow);
    return () => onReady(null);
  }, [flow, onReady]);
  return null;
}

/**
 * React Flow's pane under the diagram's layers, for the reader's pan (drag) and pinch, and the zoom
 * buttons. It holds no nodes: the boxes and lines are drawn in layers of their own, which follow its
 * viewport through the hub. It is mounted when the reader first reaches for the diagram (FlowCanvas.tsx):
 * a reader who only reads and steps never pays for React Flow's module and its mount. Memoised: a step
 * changes none of its props.
 *
 * The key codes are null: nothing here is deleted, selected or moved by key, and each key code given
 * (React Flow has defaults) is a window keydown and keyup listener that ran on every key, the arrows
 * that step the flow included.
 */
export default memo(function PanZoom({
  hub,
  touch,
  onReady,
}: {
  hub: ViewportHub;
  touch: boolean;
  onReady: (api: PanZoomApi | null) => void;
}) {
  // React Flow starts where the drawing is (React Flow reads its default viewport once, at mount).
  const [start] = useState(hub.get);
  return (
    <ReactFlow
      nodes={NO_NODES}
      defaultViewport={start}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      minZoom={0.3}
      maxZoom={2}
      zoomOnScroll={false}
      panOnDrag={!touch}
      zoomOnPinch={!touch}
      zoomOnDoubleClick={false}
      panOnScroll={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      panActivationKeyCode={null}
      zoomActivationKeyCode={null}
      disableKeyboardA11y
      preventScrolling={false}
      proOptions={PRO}
    >
      <Bridge hub={hub} onReady={onReady} />
    </ReactFlow>
  );
});
