import { expect, type Page, test } from '@playwright/test';
import {
  expectWordsRestWithReducedMotion,
  openOnStoppedClock,
  settledTransform,
  stepForwardTo,
} from './play-helpers';

/**
 * On a 390×844 phone the diagram stands on end and its line labels stand right of the lines. A reader
 * takes a label to name the line it touches, so each label must be tied to its own line: within a few
 * pixels of it, or joined to it by a leader that starts at the label and ends on that line. Labels once
 * stood in a column about 100 px from the short lines between neighbouring boxes, tied to nothing.
 */

const SCENARIOS = [
  'enhanced-flow',
  'basic-flow',
  'guest',
  'saml',
  'sts-web-identity',
  'sts-assume-role',
  'attack-missing-aud',
  'admin-api-backend',
];

/** Every scenario of the catalogue (src/scenarios/catalog.ts), for the checks at every step. */
const SCENARIO_IDS = [
  'enhanced-flow',
  'basic-flow',
  'basic-flow-google',
  'basic-flow-guest',
  'guest',
  'jwt-to-api',
  'scoped-api',
  'machine-to-machine',
  'google-direct',
  'google-via-user-pool',
  'saml',
  'saml-via-user-pool',
  'sts-assume-role',
  'sts-saml',
  'sts-web-identity',
  'sts-federation-token',
  'sts-session-token',
  'what-if-tampered-token',
  'what-if-wrong-token',
  'what-if-expired',
  'what-if-guest-ssm',
  'what-if-wrong-secret',
  'what-if-guests-disabled',
  'what-if-basic-flow-role-mappings',
  'what-if-client-secret-in-browser',
  'what-if-forgotten-password',
  'what-if-pre-token-generation',
  'attack-other-client',
  'attack-alg-none',
  'attack-forged-sigv4',
  'attack-stolen-credentials',
  'attack-missing-aud',
  'attack-saml-replay',
  'attack-saml-tampered',
  'attack-saml-wrapped',
  'after-sign-out',
  'abac-departments',
  'admin-api-backend',
  'why-not-direct-web-identity',
  'central-server-session-keys',
  'developer-authenticated-identities',
  'sync-conflict-two-devices',
];

/** A label this close to its line (on screen) reads as that line's without a leader. */
const NEAR_PX = 12;
/** How far a leader's ends may lie from the label's edge and from the line (rounding, stroke). */
const TOUCH_PX = 2;

const diagram = (page: Page) => page.getByRole('region', { name: /^Diagram:/ });

async function openLastStep(page: Page, id: string) {
  await page.goto(`/?scenario=${id}&step=99`);
  const played = page.getByText(/^\d+ of \d+ played$/);
  await expect(played).toBeVisible({ timeout: 20_000 });
  await expect(async () => {
    const [position, total] = ((await played.textContent()) ?? '').match(/\d+/g) ?? [];
    expect(position).toBe(total);
  }).toPass();
  await page.waitForTimeout(300); // the view fits itself once the canvas is measured
}

/**
 * Each visible line label that is not tied to its own line, in words, read from the page in screen
 * pixels: lines and leaders are sampled along their SVG paths, labels and boxes are their rectangles.
 */
async function untiedLabels(page: Page) {
  return diagram(page).evaluate(
    (root, { near, touch }) => {
      const canvas = root.querySelector('.diagram__canvas') as HTMLElement;
      // Points along a path in screen pixels: its screen matrix carries the SVG's view box and the
      // drawing's pan and zoom.
      const sample = (path: SVGGeometryElement) => {
        const length = path.getTotalLength();
        const points: DOMPoint[] = [];
        for (let at = 0; at <= length; at += 2) points.push(path.getPointAtLength(at));
        points.push(path.getPointAtLength(length));
        const screen = path.getScreenCTM() as DOMMatrix;
        return points.map((p) => p.matrixTransform(screen));
      };
      const distance = (p: { x: number; y: number }, r: DOMRect) =>
        Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom));
      const inside = (p: { x: number; y: number }, r: DOMRect) =>
        p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1;
      const labels = Array.from(canvas.querySelectorAll<HTMLElement>('.edge-label'))
        .map((el) => ({ el, id: el.dataset.labelFor, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0);
      const boxes = Array.from(canvas.querySelectorAll('.diagram-box'), (el) => el.getBoundingClientRect());
      const problems: string[] = [];
      for (const { el, id, r } of labels) {
        const text = (el.textContent ?? '').trim();
        if (!id) {
          problems.push(`"${text}": no line named`);
          continue;
        }
        const line = canvas.querySelector<SVGGeometryElement>(
          `.diagram-line[data-line="${CSS.escape(id)}"] path.packet-edge`,
        );
        if (!line) {
          problems.push(`"${text}": its line ${id} is not drawn`);
          continue;
        }
        const linePoints = sample(line);
        const gap = Math.min(...linePoints.map((p) => distance(p, r)));
        if (gap <= near) continue;
        const leader = canvas.querySelector<SVGGeometryElement>(`[data-leader-for="${CSS.escape(id)}"] path`);
        if (!leader) {
          problems.push(`"${text}": ${gap.toFixed(0)} px from its line ${id}, and no leader`);
          continue;
        }
        const leaderPoints = sample(leader);
        const start = leaderPoints[0] as { x: number; y: number };
        const end = leaderPoints[leaderPoints.length - 1] as { x: number; y: number };
        if (distance(start, r) > touch) problems.push(`"${text}": its leader starts away from the label`);
        if (Math.min(...linePoints.map((p) => Math.hypot(p.x - end.x, p.y - end.y))) > touch)
          problems.push(`"${text}": its leader ends away from its line ${id}`);
        if (leaderPoints.some((p) => boxes.some((b) => inside(p, b))))
          problems.push(`"${text}": its leader runs through a box`);
        if (leaderPoints.some((p) => labels.some((l) => l.el !== el && inside(p, l.r))))
          problems.push(`"${text}": its leader runs through another label`);
      }
      return problems;
    },
    { near: NEAR_PX, touch: TOUCH_PX },
  );
}

test.describe('on a 390×844 phone, at the last step', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const id of SCENARIOS) {
    test(`${id}: every line label is tied to its own line`, async ({ page }) => {
      await openLastStep(page, id);
      expect(await diagram(page).locator('.edge-label').count()).toBeGreaterThan(0);
      expect(await untiedLabels(page)).toEqual([]);
    });
  }

  test('leaders are drawing only: assistive technology meets the label, not its leader', async ({ page }) => {
    await openLastStep(page, 'enhanced-flow');
    const leaders = diagram(page).locator('[data-leader-for]');
    expect(await leaders.count()).toBeGreaterThan(0);
    for (const leader of await leaders.all())
      expect(await leader.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
    // The label still names the short line between the browser app and the user pool in words.
    await expect(diagram(page).locator('.edge-label', { hasText: 'InitiateAuth' })).toBeVisible();
  });
});

/**
 * What the landed packet's words cover, in words: a leader or its dot, a line label, or a line of a
 * box's text (the text itself, not its box), read from the page in screen pixels once the words have
 * settled; and whether they stand away from their dot. The words once sat on the leader of the short
 * line under the Browser app, hiding its dot ("answer" at enhanced-flow's fifth step, "refusal" at
 * the end of others).
 */
async function coveredByWords(page: Page) {
  const words = diagram(page).locator('.packet__words');
  await expect(words).toHaveAttribute('data-leg', 'back');
  await settledTransform(words);
  return diagram(page).evaluate((root) => {
    const canvas = root.querySelector('.diagram__canvas') as HTMLElement;
    const tag = (canvas.querySelector('.packet__words') as HTMLElement).getBoundingClientRect();
    const overlaps = (r: DOMRect) =>
      r.width > 0 &&
      tag.left < r.right - 0.5 &&
      r.left < tag.right - 0.5 &&
      tag.top < r.bottom - 0.5 &&
      r.top < tag.bottom - 0.5;
    const inside = (p: DOMPoint) => p.x > tag.left && p.x < tag.right && p.y > tag.top && p.y < tag.bottom;
    const problems: string[] = [];
    for (const leader of canvas.querySelectorAll<SVGGElement>('[data-leader-for]')) {
      const id = leader.dataset.leaderFor;
      const path = leader.querySelector('path') as SVGGeometryElement;
      const length = path.getTotalLength();
      const screen = path.getScreenCTM() as DOMMatrix;
      for (let at = 0; at <= length; at += 1) {
        if (inside(path.getPointAtLength(at).matrixTransform(screen))) {
          problems.push(`the leader of ${id}`);
          break;
        }
      }
      if (overlaps((leader.querySelector('circle') as SVGCircleElement).getBoundingClientRect()))
        problems.push(`the leader's dot of ${id}`);
    }
    for (const label of canvas.querySelectorAll<HTMLElement>('.edge-label'))
      if (overlaps(label.getBoundingClientRect())) problems.push(`the label "${label.textContent}"`);
    for (const line of canvas.querySelectorAll(
      '.service-node__label, .service-node__kind, .service-node__status',
    )) {
      const text = document.createRange();
      text.selectNodeContents(line);
      if (overlaps(text.getBoundingClientRect())) problems.push(`the box text "${line.textContent}"`);
    }
    // Beside its dot: the dot (radius 9 and its stroke) and the words a short way apart on screen.
    const dot = (
      canvas.querySelector('.packet circle:not([visibility="hidden"])') as SVGCircleElement
    ).getBoundingClientRect();
    const gap = Math.hypot(
      Math.max(tag.left - dot.right, 0, dot.left - tag.right),
      Math.max(tag.top - dot.bottom, 0, dot.top - tag.bottom),
    );
    if (gap > 30) problems.push(`its dot, ${gap.toFixed(0)} px away`);
    const view = canvas.getBoundingClientRect();
    if (tag.left < view.left || tag.right > view.right || tag.top < view.top || tag.bottom > view.bottom)
      problems.push('the canvas edge');
    return problems;
  });
}

test.describe('on a 390×844 phone, the landed packet’s words', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const { id, step } of [
    // "answer" and, at the end, "refusal" sat on the leader of the line under the Browser app; so did
    // "refusal" at the end of what-if-expired, and "credentials" in guest.
    { id: 'enhanced-flow', step: 5 },
    { id: 'enhanced-flow', step: 99 },
    { id: 'what-if-expired', step: 99 },
    { id: 'guest', step: 2 },
    { id: 'attack-missing-aud', step: 99 },
    { id: 'basic-flow', step: 99 },
  ]) {
    test(`${id}${step === 99 ? ' at its end' : ` at step ${step}`}: cover no leader, label or text`, async ({
      page,
    }) => {
      if (step === 99) await openLastStep(page, id);
      else {
        await page.goto(`/?scenario=${id}&step=${step}`);
        await expect(page.getByText(new RegExp(`^${step} of \\d+ played$`))).toBeVisible({ timeout: 20_000 });
      }
      expect(await diagram(page).locator('[data-leader-for]').count()).toBeGreaterThan(0);
      expect(await coveredByWords(page)).toEqual([]);
    });
  }
});

test('at 1280×720 the wide diagram keeps its labels on their lines, with no leaders', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLastStep(page, 'enhanced-flow');
  await expect(diagram(page).locator('[data-leader-for]')).toHaveCount(0);
  expect(await untiedLabels(page)).toEqual([]);
});

/**
 * The phone's diagram at every step of every scenario, read from the page in screen pixels while the
 * packet flies and once it has landed. Three defects it once had: the landed words sat on a box's
 * border (clear of its text, still clutter on the box: "ID, access, refresh tokens" on the Browser
 * app's bottom edge); the leaders from labels in a gutter right of the lanes crossed every lane between
 * them and the short lines they named; and the words in flight rode over the labels beside the lanes,
 * and (10 moments in 9 scenarios) over a line of a box's text, mostly "Your web app" as "ID, access,
 * refresh tokens" came back to the Browser app from the user pool just below it.
 */
interface StepProblems {
  landed: string[];
  leaders: string[];
  flight: string[];
}

/**
 * Starts recording, at every animation frame, the labels (faded ones aside) and the lines of the boxes'
 * text the packet's words cover.
 */
function recordFlight(page: Page) {
  return diagram(page).evaluate((root) => {
    const canvas = root.querySelector('.diagram__canvas') as HTMLElement;
    const seen: string[] = [];
    const record = () => {
      const words = canvas.querySelector<HTMLElement>('.packet__words');
      if (words?.textContent) {
        const r = words.getBoundingClientRect();
        const note = (l: DOMRect, what: string) => {
          const x = Math.min(r.right, l.right) - Math.max(r.left, l.left);
          const y = Math.min(r.bottom, l.bottom) - Math.max(r.top, l.top);
          if (x > 0.5 && y > 0.5 && !seen.includes(what)) seen.push(what);
        };
        for (const label of canvas.querySelectorAll<HTMLElement>('.edge-label')) {
          // A label the words pass over fades meanwhile (layout-flight.ts): not written over.
          if (label.hasAttribute('data-under-words') || Number(getComputedStyle(label).opacity) < 0.5)
            continue;
          note(label.getBoundingClientRect(), `"${words.textContent}" over the label "${label.textContent}"`);
        }
        // A box's text never fades: the words pass clear of it (of the text itself, not of its box).
        for (const line of canvas.querySelectorAll(
          '.service-node__label, .service-node__kind, .service-node__status',
        )) {
          const text = document.createRange();
          text.selectNodeContents(line);
          note(
            text.getBoundingClientRect(),
            `"${words.textContent}" over the box text "${line.textContent}"`,
          );
        }
      }
      (window as unknown as { __flight?: number }).__flight = requestAnimationFrame(record);
    };
    (window as unknown as { __flightSeen: string[] }).__flightSeen = seen;
    record();
  });
}

/** Stops recording and returns what the words covered in flight. */
function recordedFlight(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __flight?: number; __flightSeen: string[] };
    if (w.__flight !== undefined) cancelAnimationFrame(w.__flight);
    return w.__flightSeen;
  });
}

/** The landed words on a box, and the leaders that cross another line, at the step on screen. */
function atRest(page: Page) {
  return diagram(page).evaluate((root) => {
    const canvas = root.querySelector('.diagram__canvas') as HTMLElement;
    const landed: string[] = [];
    const words = canvas.querySelector<HTMLElement>('.packet__words');
    if (words?.textContent) {
      const r = words.getBoundingClientRect();
      for (const box of canvas.querySelectorAll('.service-node')) {
        const b = box.getBoundingClientRect();
        const x = Math.min(r.right, b.right) - Math.max(r.left, b.left);
        const y = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
        if (x > 0.5 && y > 0.5)
          landed.push(
            `"${words.textContent}" on the box ${box.querySelector('.service-node__label')?.textContent}`,
          );
      }
    }
    // Leaders and lines in the drawing's own units (the SVG's), the lines sampled along their paths.
    const lines = Array.from(canvas.querySelectorAll<SVGGElement>('.diagram-line'), (g) => {
      const path = g.querySelector('path.packet-edge') as SVGGeometryElement;
      const length = path.getTotalLength();
      const points: DOMPoint[] = [];
      for (let at = 0; at <= length; at += 0.5) points.push(path.getPointAtLength(at));
      return { id: g.dataset.line, points };
    });
    const leaders: string[] = [];
    for (const g of canvas.querySelectorAll<SVGGElement>('[data-leader-for]')) {
      const [x0, y0, x1] = (
        g
          .querySelector('path')
          ?.getAttribute('d')
          ?.match(/-?[\d.]+/g) ?? []
      ).map(Number);
      const [lo, hi] = [Math.min(x0 as number, x1 as number), Math.max(x0 as number, x1 as number)];
      for (const { id, points } of lines)
        if (
          id !== g.dataset.leaderFor &&
          points.some((p) => Math.abs(p.y - (y0 as number)) < 1.5 && p.x > lo + 1 && p.x < hi - 1)
        )
          leaders.push(`the leader of ${g.dataset.leaderFor} crosses ${id}`);
    }
    return { landed, leaders };
  });
}

/**
 * Steps through the scenario on a fake clock: each step's packet flies frame by frame inside one
 * clock.runFor (every frame recorded, none skipped for a slow machine), then lands.
 */
async function everyStep(page: Page, id: string): Promise<StepProblems> {
  const total = await openOnStoppedClock(page, id);
  const problems: StepProblems = { landed: [], leaders: [], flight: [] };
  for (let step = 1; step <= total; step++) {
    await stepForwardTo(page, step, total);
    await recordFlight(page);
    await page.clock.runFor(2_400); // the step's animation (1.8 s at 1×) and a little more
    problems.flight.push(...(await recordedFlight(page)).map((p) => `step ${step}: ${p}`));
    await expect(diagram(page).locator('.packet__words')).toHaveAttribute('data-leg', 'back');
    const { landed, leaders } = await atRest(page);
    problems.landed.push(...landed.map((p) => `step ${step}: ${p}`));
    problems.leaders.push(...leaders.map((p) => `step ${step}: ${p}`));
  }
  return problems;
}

test.describe('on a 390×844 phone, every step of every scenario', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const id of SCENARIO_IDS) {
    test(`${id}: landed words off the boxes, leaders across no line, words in flight over no label or box text`, async ({
      page,
    }) => {
      const { landed, leaders, flight } = await everyStep(page, id);
      expect.soft(landed, 'landed words on a box').toEqual([]);
      expect.soft(leaders, 'leaders across another line').toEqual([]);
      expect.soft(flight, 'words in flight over a label or a box’s text').toEqual([]);
    });
  }

  test('the list above names every scenario of the picker', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('#root')).not.toHaveAttribute('inert');
    const ids = await page
      .getByRole('combobox', { name: /^Scenario/ })
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect([...ids].sort()).toEqual([...SCENARIO_IDS].sort());
  });

  test('with reduced motion the words rest where the answer landed and no label fades', async ({ page }) => {
    await expectWordsRestWithReducedMotion(page);
    expect(await atRest(page)).toEqual({ landed: [], leaders: [] });
  });
});
