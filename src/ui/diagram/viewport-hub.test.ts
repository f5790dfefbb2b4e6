import { describe, expect, it } from 'vitest';
import { createViewportHub, transformOf } from './viewport-hub';

describe('viewport hub', () => {
  it('tells every layer of each new viewport, and stops telling one that left', () => {
    const hub = createViewportHub({ x: 0, y: 0, zoom: 1 });
    const lines: string[] = [];
    const boxes: string[] = [];
    hub.subscribe((v) => lines.push(transformOf(v)));
    const leave = hub.subscribe((v) => boxes.push(transformOf(v)));
    hub.set({ x: 10, y: -4, zoom: 1.2 });
    leave();
    hub.set({ x: 12, y: -4, zoom: 1.2 });
    expect(lines).toEqual(['translate(10px, -4px) scale(1.2)', 'translate(12px, -4px) scale(1.2)']);
    expect(boxes).toEqual(['translate(10px, -4px) scale(1.2)']);
    expect(hub.get()).toEqual({ x: 12, y: -4, zoom: 1.2 });
  });

  it('does not call the layers again for the viewport they already follow', () => {
    const hub = createViewportHub({ x: 3, y: 4, zoom: 0.8 });
    let calls = 0;
    hub.subscribe(() => {
      calls += 1;
    });
    hub.set({ x: 3, y: 4, zoom: 0.8 });
    expect(calls).toBe(0);
    hub.set({ x: 3, y: 4, zoom: 0.9 });
    expect(calls).toBe(1);
  });
});
