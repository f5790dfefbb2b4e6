import {
  createElement,
  Fragment,
  type ReactElement,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useRef,
} from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { whenIdle } from '../../player/yield';

interface Options {
  /** What the drafts belong to (a scenario): when it changes, the box takes its own height again. */
  set: string;
  /** Everything the box may show, each rendered as the box itself would render it (one root element each). */
  drafts: readonly ReactElement[];
  /** What the box shows now (a step): a change of it is when a taller height is written. */
  shown: number;
  enabled: boolean;
}

interface Steady {
  set: string;
  /** The box's width when measured (CSS px, border box). */
  width: number;
  /** The min-height in place (content box, CSS px), 0 when none. */
  room: number;
  /** A taller min-height measured but not yet written (0 when none). */
  pending: number;
}

/**
 * Keeps a box that shows one of several texts (the narration of a scenario's steps) as tall as the
 * tallest of them, so that what sits below it (the diagram, the step list) stays where it is while the
 * reader steps through. Without it everything below moved up or down at each step whose text took
 * another number of lines: the eye lost its place, and the browser laid out and repainted all of it.
 *
 * The drafts are rendered while the browser is idle into a hidden, inert container of the box's width,
 * measured and removed again in the same task: they are never painted, never exposed to assistive
 * technology, never found by a search of the page. The tallest height becomes the box's min-height
 * the next time what it shows changes (or at once when the box is already that tall), so writing it
 * never moves the page by itself. It only grows, until the box's width or the set of drafts changes.
 */
export function useSteadyHeight(
  ref: RefObject<HTMLElement | null>,
  { set, drafts, shown, enabled }: Options,
) {
  const steady = useRef<Steady>({ set: '', width: 0, room: 0, pending: 0 });

  // Another set (a scenario) or the feature turned off: the box takes its own height, in the same frame
  // as the new text.
  useLayoutEffect(() => {
    const s = steady.current;
    if (enabled && s.set === set) return;
    const el = ref.current;
    if (el) release(el, s);
    s.set = enabled ? set : '';
  }, [ref, set, enabled]);

  // A taller height waits for the next change of what is shown: the page moves once, with the new text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when what is shown changes
  useLayoutEffect(() => {
    const el = ref.current;
    const s = steady.current;
    if (el && s.pending) write(el, s, s.pending);
  }, [ref, shown]);

  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled || drafts.length === 0) return;
    const s = steady.current;
    let cancel = () => {};
    const schedule = () => {
      cancel();
      cancel = whenIdle(() => measure(el, drafts, s), 1000);
    };
    // The width changed (a window resize, the splitter): lines break elsewhere, so measure afresh.
    // The observer reports after layout, so reading the size here costs no layout of its own.
    const observer = new ResizeObserver(() => {
      const width = el.getBoundingClientRect().width;
      if (Math.abs(width - s.width) < 0.5) return;
      if (s.width) release(el, s);
      s.width = width;
      schedule();
    });
    observer.observe(el);
    schedule();
    return () => {
      cancel();
      observer.disconnect();
    };
  }, [ref, drafts, enabled]);
}

function release(el: HTMLElement, s: Steady) {
  el.style.removeProperty('min-height');
  s.room = 0;
  s.pending = 0;
}

function write(el: HTMLElement, s: Steady, room: number) {
  el.style.minHeight = `${room}px`;
  s.room = room;
  s.pending = 0;
}

function measure(el: HTMLElement, drafts: readonly ReactElement[], s: Steady) {
  if (!el.isConnected) return;
  const box = el.getBoundingClientRect();
  const host = document.createElement('div');
  host.className = 'steady-height-drafts';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.width = `${box.width}px`;
  document.body.append(host);
  const root = createRoot(host);
  let tallest = 0;
  try {
    flushSync(() => root.render(createElement(Fragment, null, ...drafts)));
    for (const draft of Array.from(host.children))
      tallest = Math.max(tallest, draft.getBoundingClientRect().height);
  } finally {
    root.unmount();
    host.remove();
  }
  // min-height applies to the content box: less the box's own padding and borders.
  const style = getComputedStyle(el);
  const frame =
    style.boxSizing === 'border-box'
      ? 0
      : ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce(
          (sum, side) => sum + (Number.parseFloat(style[side as 'paddingTop']) || 0),
          0,
        );
  const room = Math.ceil(tallest - frame);
  if (room <= Math.max(s.room, s.pending)) return;
  s.width = box.width;
  if (box.height - frame >= room - 0.5) write(el, s, room);
  else s.pending = room;
}
