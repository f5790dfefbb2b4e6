import { useEffect } from 'react';
import type { Scenario } from '../../scenarios/types';
import { buildGraph, type Orientation } from './build-graph';
import { DRAWING_FRAMES } from './drawing-frames';
import type { Box } from './layout';

/**
 * The box every step of a scenario draws into (the labels change with the active step): fitting this
 * frame rather than each step's own bounds keeps the zoom still while the reader steps through.
 * Computing it lays out every step of the scenario (a graph per step), which on a slow phone was the
 * longest piece of the first screen's hydration; the frames of the catalogue's scenarios are therefore
 * computed ahead (drawing-frames.ts, kept equal to this function by its test) and this runs only for a
 * scenario missing there.
 */
export function computeDrawingFrame(scenario: Scenario, orientation: Orientation): Box {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let position = 0; position <= scenario.steps.length; position += 1) {
    const { bounds } = buildGraph({ scenario, entries: [], position, clock: 0, orientation });
    x0 = Math.min(x0, bounds.x);
    y0 = Math.min(y0, bounds.y);
    x1 = Math.max(x1, bounds.x + bounds.w);
    y1 = Math.max(y1, bounds.y + bounds.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** The frame of `scenario` drawn `orientation`: from the table computed ahead, else computed now (and kept). */
export function drawingFrame(scenario: Scenario, orientation: Orientation): Box {
  const ahead = DRAWING_FRAMES[scenario.id]?.[orientation];
  if (ahead) return ahead;
  const key = `${scenario.id}|${orientation}`;
  let frame = computed.get(key);
  if (!frame) {
    frame = computeDrawingFrame(scenario, orientation);
    computed.set(key, frame);
  }
  return frame;
}
const computed = new Map<string, Box>();

/** The drawing's shape as the canvas's CSS aspect-ratio (`--diagram-aspect`), e.g. "1240 / 560". */
export function diagramAspect(frame: Box): string {
  return `${Math.round(frame.w)} / ${Math.round(frame.h)}`;
}

/** Never squeeze the diagram below this height, however much sits above it. */
const MIN_ROOM = 300;
/** Space kept below the diagram at the bottom of the first screen. */
const BOTTOM_MARGIN = 10;

/**
 * Limits the height of the diagram's canvas (a child of the element, `.diagram__canvas`) to the room
 * left between the element's top and the bottom of the first screen, so the whole diagram shows
 * without scrolling. It follows the window and whatever sits above it (the header, the player bar, the
 * narration as it changes length). The limit is the canvas's own `max-height`, written on the canvas
 * alone: a custom property on the section (as this once was) is inherited by every box and line of the
 * drawing, and each change restyled all of them at a step whose narration changed length.
 */
export function useFirstScreenRoom(ref: React.RefObject<HTMLElement | null>, enabled: boolean) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const canvases = () => Array.from(el.querySelectorAll<HTMLElement>(':scope > .diagram__canvas'));
    if (!enabled) {
      for (const canvas of canvases()) canvas.style.removeProperty('max-height');
      return;
    }
    let room = '';
    /** The room last written, in CSS pixels (the limit is this less the caption row's 2rem). */
    let roomPx = Number.NaN;
    const apply = () => {
      for (const canvas of canvases()) canvas.style.maxHeight = room;
    };
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      const px = Math.max(MIN_ROOM, Math.floor(window.innerHeight - top - BOTTOM_MARGIN));
      // Less the caption row above the canvas (2rem), as the stylesheet's default limit.
      const next = `calc(${px}px - 2rem)`;
      if (next === room) return;
      // The narration above changes length at many steps. While neither the limit in place nor the new
      // one holds the canvas back (it is shorter than both: its width and the drawing's shape set its
      // height), writing the new one would change nothing on screen but cost the step's frame a second
      // style and layout pass. (The observer calls this after layout, so reading sizes here is free.)
      const canvas = canvases()[0];
      if (canvas && room) {
        const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
        const height = canvas.getBoundingClientRect().height;
        if (height < roomPx - 2 * rem - 1 && height <= px - 2 * rem) return;
      }
      room = next;
      roomPx = px;
      apply();
    };
    // No measure now: the observer reports each element once it starts observing, after the browser's
    // own layout and before it paints, and the room is set then (a read here forced a layout of the
    // whole page in the middle of the app's start).
    const above = [
      document.querySelector('.app-header'),
      ...Array.from(el.parentElement?.children ?? []).filter(
        (child) => child !== el && child.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
      ),
    ].filter((node): node is Element => !!node);
    const observer = new ResizeObserver(measure);
    for (const node of above) observer.observe(node);
    // The canvas is replaced once (the placeholder by the drawing's): the new one gets the same limit.
    const swapped = new MutationObserver(() => {
      if (room) apply();
    });
    swapped.observe(el, { childList: true });
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      swapped.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, enabled]);
}
