import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/hooks';

/** Drives the playhead with animation frames while a step is animating or the flow is playing. */
export function usePlaybackTicker() {
  const store = useAppStoreApi();
  const running = useAppStore((s) => s.status === 'playing' || s.status === 'stepping');
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    let last = performance.now();
    const loop = (t: number) => {
      store.getState().tick(t - last);
      last = t;
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [running, store]);
}
