import { useCallback, useEffect, useLayoutEffect, useState } from 'react';

/** Kept per browser: the reader's chosen inspector width survives a reload. */
const STORAGE_KEY = 'identity-atlas:inspector-width';
const MIN = 300;
const MAX_SHARE = 0.6;
const KEY_STEP = 24;

function clampWidth(px: number): number {
  const max = Math.max(MIN, Math.round(window.innerWidth * MAX_SHARE));
  return Math.min(max, Math.max(MIN, Math.round(px)));
}

function storedWidth(): number | undefined {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(value) && value >= MIN ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The separator between the diagram and the inspector (WAI-ARIA window splitter): drag it, or focus it
 * and press ← / → (Home / End for the limits), to give the inspector more or less room. It sets
 * `--inspector-width` on the layout element it sits in.
 */
export function Splitter({ layout }: { layout: React.RefObject<HTMLElement | null> }) {
  // Read after the first render, before the browser paints: the first render matches the prerendered
  // first screen (no stored width there), which the app hydrates.
  const [width, setWidth] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    const stored = storedWidth();
    if (stored !== undefined) setWidth(stored);
  }, []);

  useEffect(() => {
    const el = layout.current;
    if (!el) return;
    if (width === undefined) el.style.removeProperty('--inspector-width');
    else el.style.setProperty('--inspector-width', `${width}px`);
  }, [layout, width]);

  const commit = useCallback((px: number) => {
    const next = clampWidth(px);
    setWidth(next);
    try {
      localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      /* private mode: the width lasts for this page only */
    }
  }, []);

  const current = () => layout.current?.lastElementChild?.getBoundingClientRect().width ?? MIN;

  // The separator's range and value as the page lays out, not during render (the first render must
  // match the prerendered first screen, which was written without a window). The inspector's width
  // comes from a ResizeObserver, which reports it after the browser's own layout: reading it from the
  // DOM in an effect forced a layout of the whole page in the middle of the app's start.
  const [range, setRange] = useState({ max: 1000, now: MIN });
  useEffect(() => {
    let inspectorWidth: number | undefined;
    const measure = () => {
      const now = Math.round(width ?? inspectorWidth ?? MIN);
      const next = { max: Math.round(window.innerWidth * MAX_SHARE), now };
      setRange((old) => (old.max === next.max && old.now === next.now ? old : next));
    };
    measure();
    const inspector = layout.current?.lastElementChild;
    const observer = new ResizeObserver(([entry]) => {
      inspectorWidth = entry?.borderBoxSize[0]?.inlineSize;
      measure();
    });
    if (inspector) observer.observe(inspector);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [layout, width]);

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const right = layout.current?.getBoundingClientRect().right ?? window.innerWidth;
    const move = (e: PointerEvent) => commit(right - e.clientX);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    let next: number;
    if (event.key === 'ArrowLeft') next = current() + KEY_STEP;
    else if (event.key === 'ArrowRight') next = current() - KEY_STEP;
    else if (event.key === 'Home') next = MIN;
    else if (event.key === 'End') next = window.innerWidth;
    else return;
    // The player's ← and → must not also step the flow.
    event.preventDefault();
    event.stopPropagation();
    commit(next);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter has no native element; WAI-ARIA's pattern is role="separator" with a value
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the inspector"
      aria-valuemin={MIN}
      aria-valuemax={range.max}
      aria-valuenow={range.now}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
