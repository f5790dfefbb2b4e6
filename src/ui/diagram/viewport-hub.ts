import { useLayoutEffect } from 'react';

/** Where the drawing sits in the canvas: its offset in pixels and its scale. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The diagram's viewport, shared by its layers (lines, boxes, the packets' words), which each follow it
 * by writing their own transform: a pan or zoom renders no React component. The canvas sets it when it
 * fits the drawing; once React Flow's pan and zoom is mounted (PanZoom.tsx), React Flow's store drives it.
 */
export interface ViewportHub {
  get(): Viewport;
  set(viewport: Viewport): void;
  /** Calls `listener` on every change after this one; returns the unsubscribe. */
  subscribe(listener: (viewport: Viewport) => void): () => void;
}

export function createViewportHub(initial: Viewport): ViewportHub {
  let current = initial;
  const listeners = new Set<(viewport: Viewport) => void>();
  return {
    get: () => current,
    set(viewport) {
      if (viewport.x === current.x && viewport.y === current.y && viewport.zoom === current.zoom) return;
      current = viewport;
      for (const listener of listeners) listener(viewport);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const transformOf = ({ x, y, zoom }: Viewport) => `translate(${x}px, ${y}px) scale(${zoom})`;

/**
 * Keeps the element's transform on the hub's viewport, written directly. The element's render gives the
 * viewport it started at; a change since that render is applied at once.
 */
export function useFollowViewport(hub: ViewportHub, layer: React.RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = layer.current;
    if (!el) return;
    const follow = (viewport: Viewport) => {
      el.style.transform = transformOf(viewport);
    };
    follow(hub.get());
    return hub.subscribe(follow);
  }, [hub, layer]);
}
