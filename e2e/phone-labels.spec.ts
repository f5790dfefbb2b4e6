import { expect, type Page, test } from '@playwright/test';
import { settledTransform } from './play-helpers';

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
      const svg = canvas.querySelector('svg.diagram-lines__svg') as SVGSVGElement;
      // The SVG is a 1×1 box at the drawing's origin, scaled with the drawing: its rectangle gives both.
      const origin = svg.getBoundingClientRect();
      const zoom = origin.width;
      const sample = (path: SVGGeometryElement) => {
        const length = path.getTotalLength();
        const points: { x: number; y: number }[] = [];
        for (let at = 0; at <= length; at += 2) points.push(path.getPointAtLength(at));
        points.push(path.getPointAtLength(length));
        return points.map((p) => ({ x: origin.left + p.x * zoom, y: origin.top + p.y * zoom }));
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
    const svg = canvas.querySelector('svg.diagram-lines__svg') as SVGSVGElement;
    const origin = svg.getBoundingClientRect();
    const problems: string[] = [];
    for (const leader of canvas.querySelectorAll<SVGGElement>('[data-leader-for]')) {
      const id = leader.dataset.leaderFor;
      const path = leader.querySelector('path') as SVGGeometryElement;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 1) {
        const p = path.getPointAtLength(at);
        if (inside(new DOMPoint(origin.left + p.x * origin.width, origin.top + p.y * origin.width))) {
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
