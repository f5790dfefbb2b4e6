import { expect, type Page, test } from '@playwright/test';

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

test('at 1280×720 the wide diagram keeps its labels on their lines, with no leaders', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLastStep(page, 'enhanced-flow');
  await expect(diagram(page).locator('[data-leader-for]')).toHaveCount(0);
  expect(await untiedLabels(page)).toEqual([]);
});
