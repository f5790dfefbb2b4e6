import { memo, type ReactNode, useLayoutEffect, useMemo, useRef } from 'react';
import { useAppStoreApi } from '../../../store/hooks';
import { afterNextPaint } from '../../common/after-paint';
import { useReducedMotion } from '../../common/use-reduced-motion';
import type { PacketEdgeData } from '../build-graph';
import { type Box, pointAlong, roundedPath } from '../layout';
import { stretchAt } from '../layout-flight';
import type { WordsPlace } from '../layout-vertical-words';
import { PACKETS } from '../packets';
import type { StepData } from '../step-data';
import { useFollowViewport, type ViewportHub } from '../viewport-hub';

/**
 * Where the packet is along its route at playhead `progress`: 0 → 0.5 out along the line, 0.5 → 1 the
 * answer back. With reduced motion it rests at the end of the answer leg, where the result arrived.
 */
function packetAt(points: PacketEdgeData['points'], progress: number, reduced: boolean) {
  const t = reduced ? 1 : progress;
  const along = t < 0.5 ? t * 2 : 2 - t * 2;
  return { point: pointAlong(points, along), back: t >= 0.5, along };
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

/**
 * A line along its precomputed route (layout.ts), the leader tying its label to it where the label
 * stands away from it (phones), and the packet's dot when one travels on it.
 */
const LinePath = memo(function LinePath({ id, data }: { id: string; data: PacketEdgeData }) {
  const { points, packet, state, labelLeader: leader } = data;
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
    <g className="diagram-line" data-line={id}>
      <path
        d={path}
        fill="none"
        className={`packet-edge packet-edge--${state}${data.internal ? ' packet-edge--internal' : ''}`}
      />
      {leader ? (
        // Decorative like the line (the SVG is aria-hidden): the label already names the line in words.
        <g className={`edge-leader edge-leader--${state}`} data-leader-for={id}>
          <path d={`M ${leader[0].x} ${leader[0].y} L ${leader[1].x} ${leader[1].y}`} />
          <circle cx={leader[1].x} cy={leader[1].y} r={3} />
        </g>
      ) : null}
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

/**
 * Places for the words beside the dot (WordsPlace: their corner nearest it `ax`, `ay` from the dot, the
 * words shifted by `fx`, `fy` of their own size, in CSS, so moving them never reads the layout).
 */
const WORDS_PLACES: readonly WordsPlace[] = [
  // Above the dot, running right from just left of it: the default (boxes at the drawing's left edge
  // keep the words in view). Then, clear of a box the dot rests against: running right from just right
  // of it, above or below, then further up or down (clear of the label of the line it came along);
  // then the same running left, then centred on it.
  { ax: -14, ay: -12, fx: 0, fy: -1 },
  { ax: -14, ay: 12, fx: 0, fy: 0 },
  { ax: 12, ay: -12, fx: 0, fy: -1 },
  { ax: 12, ay: 12, fx: 0, fy: 0 },
  { ax: 12, ay: -26, fx: 0, fy: -1 },
  { ax: 12, ay: 26, fx: 0, fy: 0 },
  { ax: -12, ay: -12, fx: -1, fy: -1 },
  { ax: -12, ay: 12, fx: -1, fy: 0 },
  { ax: -12, ay: -26, fx: -1, fy: -1 },
  { ax: -12, ay: 26, fx: -1, fy: 0 },
  // Centred under or over the dot: in the gap between two boxes stacked on a phone.
  { ax: 0, ay: 12, fx: -0.5, fy: 0 },
  { ax: 0, ay: -12, fx: -0.5, fy: -1 },
  // Then right and left of it at every height from level with it outwards, 2 px apart: a box under the
  // dot and a label over it can leave a gap only a little taller than the words.
  ...Array.from({ length: 41 }, (_, i) => (i % 2 === 0 ? i : -(i + 1))).flatMap((ay) => [
    { ax: 12, ay, fx: 0, fy: -0.5 },
    { ax: -12, ay, fx: -1, fy: -0.5 },
  ]),
];
const DEFAULT_PLACE = WORDS_PLACES[0] as WordsPlace;
/** What hiding a unit of words (a label's, a box's text) costs against covering a unit of a box. */
const WORDS_WEIGHT = 10;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
/** The area two rectangles share. */
const shared = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * Once the packet has landed where the layout found its words no clear place (packet.landedWords: it
 * finds one at every step of every scenario today), the place for its words that covers the least of
 * the line labels and boxes (the first of WORDS_PLACES that covers none), never running out of the
 * canvas, read from the drawn page in the layer's own units: at rest the default place could sit on the
 * label of the line it came along, or on the box's status word. (On a phone it weighed a leader by its
 * area, next to nothing, and sat on it.)
 */
function clearPlace(words: HTMLElement, point: { x: number; y: number }): WordsPlace {
  const layer = words.parentElement;
  const canvas = words.closest('.diagram__canvas');
  const shown = words.getBoundingClientRect();
  if (!layer || !canvas || words.offsetWidth === 0) return DEFAULT_PLACE;
  const zoom = shown.width / words.offsetWidth;
  const origin = layer.getBoundingClientRect();
  const toLayer = (r: DOMRect): Rect => ({
    left: (r.left - origin.left) / zoom,
    top: (r.top - origin.top) / zoom,
    right: (r.right - origin.left) / zoom,
    bottom: (r.bottom - origin.top) / zoom,
  });
  const view = toLayer(canvas.getBoundingClientRect());
  // Where no place is clear, hiding words (a label, a box's own text) costs far more than covering a
  // box's empty corner: at admin-api-backend's step 4 "ID token" sat on a label's last letters.
  const text = document.createRange();
  const obstacles = [
    ...Array.from(canvas.querySelectorAll('.edge-label, .edge-leader'), (el) => ({
      rect: toLayer(el.getBoundingClientRect()),
      weight: WORDS_WEIGHT,
    })),
    ...Array.from(canvas.querySelectorAll('.service-node'), (el) => ({
      rect: toLayer(el.getBoundingClientRect()),
      weight: 1,
    })),
    ...Array.from(
      canvas.querySelectorAll('.service-node__label, .service-node__kind, .service-node__status'),
      (el) => {
        text.selectNodeContents(el);
        return { rect: toLayer(text.getBoundingClientRect()), weight: WORDS_WEIGHT };
      },
    ),
  ];
  const w = words.offsetWidth;
  const h = words.offsetHeight;
  let best = DEFAULT_PLACE;
  let least = Number.POSITIVE_INFINITY;
  for (const place of WORDS_PLACES) {
    const left = point.x + place.ax + place.fx * w;
    const top = point.y + place.ay + place.fy * h;
    const at = { left, top, right: left + w, bottom: top + h };
    // Words cut off by the canvas's edge count as fully covered.
    const cut = w * h - shared(at, view);
    const covered = obstacles.reduce(
      (sum, o) => sum + o.weight * shared(o.rect, at),
      cut * 10 * WORDS_WEIGHT,
    );
    if (covered < least) {
      best = place;
      least = covered;
    }
    if (covered < 1) break; // clear (allowing for rounding)
  }
  return best;
}

/**
 * The clear place found for the words of a step's packet, by the step's line data: graph-cache.ts keeps
 * one graph per step, so a reader going back to a step finds the place here and the words go there at
 * once, with no layout read and no move after the frame that shows them. The canvas's edge is one of
 * the obstacles, so every place is forgotten when the view is zoomed, panned or fitted anew.
 */
let clearPlaces = new WeakMap<PacketEdgeData, WordsPlace>();

const NONE: readonly string[] = [];

/** Marks a label the packet's words are passing over (the stylesheet fades it), or unmarks it. */
function markUnderWords(canvas: Element | null, id: string, under: boolean) {
  const label = canvas?.querySelector(`.edge-label[data-label-for="${CSS.escape(id)}"]`);
  if (under) label?.setAttribute('data-under-words', '');
  else label?.removeAttribute('data-under-words');
}

/** What the packet carries, in words, riding beside its dot (over the line labels). */
const PacketWords = memo(function PacketWords({ data }: { data: PacketEdgeData }) {
  const { points, packet } = data;
  const reduced = useReducedMotion();
  const wordsRef = useRef<HTMLDivElement>(null);
  /**
   * The labels marked as under the words (the flight plan names them), kept across the step's
   * graphs (a new one comes when the packet arrives) and unmarked when the words leave them.
   */
  const faded = useRef<{ ids: readonly string[]; canvas: Element | null }>({ ids: NONE, canvas: null });
  const place = useMemo(() => {
    if (!packet?.outWords || points.length < 2) return null;
    let landing = 0;
    /** The leg whose words are shown: the text is written when the leg changes, not every frame. */
    let shownLeg: 'out' | 'back' | undefined;
    const fade = (words: HTMLElement, ids: readonly string[] = NONE) => {
      const was = faded.current;
      // Called every frame: a stretch's list is the same array from frame to frame.
      if (ids === was.ids || ids.join() === was.ids.join()) return;
      const canvas = words.closest('.diagram__canvas');
      for (const id of was.ids) markUnderWords(was.canvas, id, false);
      for (const id of ids) markUnderWords(canvas, id, true);
      faded.current = { ids, canvas };
    };
    return (progress: number) => {
      const words = wordsRef.current;
      if (!words) return;
      const { point, back, along } = packetAt(points, progress, reduced);
      const put = ({ ax, ay, fx, fy }: WordsPlace) => {
        words.style.transform = `translate(${point.x + ax}px, ${point.y + ay}px) translate(${fx * 100}%, ${fy * 100}%)`;
      };
      const leg = back ? 'back' : 'out';
      if (leg !== shownLeg) {
        shownLeg = leg;
        words.textContent = back ? (packet.backWords ?? '') : (packet.outWords ?? '');
        words.dataset.leg = leg;
      }
      const landed = reduced || progress >= 1;
      const ticket = ++landing;
      if (!landed) {
        // The layout planned, along the route, a side of the dot clear of the labels and the boxes' text
        // (and the labels the words must pass over anyway, which fade meanwhile): a lookup per frame.
        const stretch = packet.flight && stretchAt(packet.flight[leg], along);
        fade(words, stretch?.fade);
        put(stretch?.place ?? DEFAULT_PLACE);
        return;
      }
      // The layout found the landed words a place clear of the labels and the boxes' text (build-graph.ts,
      // layout-vertical-labels.ts); where it found none, the clear place found on the page when it last
      // landed at this step is where it lands again (a seek back).
      const landedAt = packet.landedWords ?? clearPlaces.get(data);
      if (landedAt) {
        fade(words);
        put(landedAt);
        return;
      }
      // Until then, where the flight plan left the words at the line's start, the labels it faded there
      // kept faded: words put down by the dot over a label drawn at full strength, even for a frame, read
      // as a clash.
      const arrived = packet.flight && stretchAt(packet.flight.back, 0);
      fade(words, arrived?.fade);
      put(arrived?.place ?? DEFAULT_PLACE);
      // Landed for the first time: look for a clear place once the frame showing it is painted (reading
      // the layout then costs nothing; read now, it would force a layout inside the frame a seek waits for).
      void afterNextPaint().then(() => {
        if (ticket !== landing || !words.isConnected) return;
        const found = clearPlace(words, point);
        clearPlaces.set(data, found);
        put(found);
        fade(words);
      });
    };
  }, [data, packet, points, reduced]);
  usePlayhead(place, reduced);
  // Words that go (the step changed, or the scenario) leave no label faded behind them.
  useLayoutEffect(
    () => () => {
      const { ids, canvas } = faded.current;
      for (const id of ids) markUnderWords(canvas, id, false);
      faded.current = { ids: NONE, canvas: null };
    },
    [],
  );
  return place ? <div ref={wordsRef} className="packet__words" /> : null;
});

/**
 * The line's label (its steps and operations), centred where layout.ts found room for it, or on a
 * phone standing from the side the layout gave it (beside its line or at its leader's end).
 */
const LineLabel = memo(function LineLabel({ id, data }: { id: string; data: PacketEdgeData }) {
  const { labelLines, labelAt: at, labelLeft: left, labelRight: right, state } = data;
  if (!labelLines.length) return null;
  const transform =
    right !== undefined
      ? `translate(-100%, -50%) translate(${right}px, ${at.y}px)`
      : left === undefined
        ? `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)`
        : `translate(0, -50%) translate(${left}px, ${at.y}px)`;
  return (
    <div
      data-label-for={id}
      className={`edge-label edge-label--${state}${data.internal ? ' edge-label--internal' : ''}`}
      style={{ transform }}
    >
      {labelLines.map((line) => (
        <span key={line} className="edge-label__line">
          {line}
        </span>
      ))}
    </div>
  );
});

/** How far a dot (radius 9, its 2 px outline) or a thick line reaches beyond the routes' points. */
const SVG_MARGIN = 24;

/**
 * The lines' SVG, covering the drawing frame (plus SVG_MARGIN) in the layer's own units: one unit is one
 * layer pixel, as for the boxes and labels. It was a pixel with its overflow shown, whose painted extent
 * the browser worked out anew from every line and dot at each seek: sized and clipped, a seek's pre-paint
 * and paint took about 1.5 ms less at 4× CPU (traces of 20 seeks, two pairs run one after the other).
 */
function LinesSvg({ frame, children }: { frame: Box; children: ReactNode }) {
  const x = frame.x - SVG_MARGIN;
  const y = frame.y - SVG_MARGIN;
  const w = frame.w + 2 * SVG_MARGIN;
  const h = frame.h + 2 * SVG_MARGIN;
  return (
    // Graphics only: the caption above the canvas says in words what each line carries.
    <svg
      className="diagram-lines__svg"
      aria-hidden="true"
      width={w}
      height={h}
      viewBox={`${x} ${y} ${w} ${h}`}
      style={{ left: x, top: y }}
    >
      {children}
    </svg>
  );
}

/**
 * The diagram's lines, their labels and the packet in layers of their own: the lines under the boxes,
 * the packets' words over them (one component, two parts). Each line already carries its own route
 * (layout.ts). Each layer follows the diagram's viewport (pan and zoom) by writing its transform
 * directly (viewport-hub.ts).
 */
export const DiagramLines = memo(function DiagramLines({
  ids,
  step,
  hub,
  part,
  frame,
}: {
  /** The scenario's lines (the same at every step). */
  ids: readonly string[];
  /**
   * This step's data for each line: the same object while a line does not change (step-data.ts), so a
   * seek renders only the lines whose state, route or packet changed.
   */
  step: StepData;
  hub: ViewportHub;
  /**
   * `lines`: the lines and their labels, drawn under the boxes. `words`: what the packets carry, drawn
   * over them, so words that must touch a box are read over it, never hidden.
   */
  part: 'lines' | 'words';
  /** The scenario's drawing frame (every step's boxes, routes and labels), which the lines' SVG covers. */
  frame: Box;
}) {
  const layer = useRef<HTMLDivElement>(null);
  useFollowViewport(hub, layer);
  // The canvas's edge is one of the obstacles the words keep clear of: a new view forgets every place
  // (once, in the words' layer, which is where the places are used).
  useLayoutEffect(() => {
    if (part !== 'words') return;
    return hub.subscribe(() => {
      clearPlaces = new WeakMap();
    });
  }, [hub, part]);
  return (
    <div className="diagram-lines">
      <div ref={layer} className="diagram-lines__viewport">
        {part === 'lines' ? (
          <>
            <LinesSvg frame={frame}>
              {ids.map((id) => {
                const data = step.edges.get(id);
                return data ? <LinePath key={id} id={id} data={data} /> : null;
              })}
            </LinesSvg>
            {ids.map((id) => {
              const data = step.edges.get(id);
              return data ? <LineLabel key={id} id={id} data={data} /> : null;
            })}
          </>
        ) : (
          ids.map((id) => {
            const data = step.edges.get(id);
            return data?.packet ? <PacketWords key={id} data={data} /> : null;
          })
        )}
      </div>
    </div>
  );
});
