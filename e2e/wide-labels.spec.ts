import { expect, type Page, test } from '@playwright/test';
import { expectWordsRestWithReducedMotion, openOnStoppedClock, stepForwardTo } from './play-helpers';

/**
 * At 1280×720 the diagram runs left to right, its line labels on or beside their lines. The words
 * riding with the packet ("ID token", "credentials") once rode above the dot whatever lay there, and
 * swept over the labels of the lines they passed (about 490 word and label pairs over every step of
 * every scenario), over a box's name and out of the canvas at the drawing's top edge. The layout now
 * plans their side along each route (layout-flight.ts): a label the words must pass over fades first.
 */

const diagram = (page: Page) => page.getByRole('region', { name: /^Diagram:/ });

/** The scenarios are read from the picker, and checked in this many groups (one test each). */
const GROUPS = 4;

/**
 * Starts recording, at every animation frame, what the packet's words cover in flight: a label drawn at
 * full strength, a line of a box's text (the text itself, not its box), the canvas's edge. Only the
 * words move: the rest is read again every few frames (a box's status changes as the packet arrives).
 */
function recordFlight(page: Page) {
  return diagram(page).evaluate((root) => {
    const canvas = root.querySelector('.diagram__canvas') as HTMLElement;
    const seen = new Set<string>();
    const range = document.createRange();
    let still: {
      labels: { el: HTMLElement; r: DOMRect }[];
      texts: { text: string; r: DOMRect }[];
      view: DOMRect;
    } = { labels: [], texts: [], view: canvas.getBoundingClientRect() };
    let frame = 0;
    const record = () => {
      if (frame++ % 6 === 0)
        still = {
          labels: Array.from(canvas.querySelectorAll<HTMLElement>('.edge-label'), (el) => ({
            el,
            r: el.getBoundingClientRect(),
          })),
          texts: Array.from(
            canvas.querySelectorAll('.service-node__label, .service-node__kind, .service-node__status'),
            (line) => {
              range.selectNodeContents(line);
              return { text: line.textContent ?? '', r: range.getBoundingClientRect() };
            },
          ),
          view: canvas.getBoundingClientRect(),
        };
      const words = canvas.querySelector<HTMLElement>('.packet__words');
      if (words?.textContent) {
        const r = words.getBoundingClientRect();
        const covers = (l: DOMRect) =>
          l.width > 0 &&
          Math.min(r.right, l.right) - Math.max(r.left, l.left) > 0.5 &&
          Math.min(r.bottom, l.bottom) - Math.max(r.top, l.top) > 0.5;
        const said = `"${words.textContent}"`;
        // A label the words pass over fades meanwhile (layout-flight.ts): not written over.
        for (const { el, r: l } of still.labels)
          if (!el.hasAttribute('data-under-words') && covers(l))
            seen.add(`${said} over the label "${el.textContent}"`);
        for (const { text, r: l } of still.texts)
          if (covers(l)) seen.add(`${said} over the box text "${text}"`);
        const c = still.view;
        if (
          r.left < c.left - 0.5 ||
          r.right > c.right + 0.5 ||
          r.top < c.top - 0.5 ||
          r.bottom > c.bottom + 0.5
        )
          seen.add(`${said} out of the canvas`);
      }
      (window as unknown as { __flight?: number }).__flight = requestAnimationFrame(record);
    };
    (window as unknown as { __flightSeen: Set<string> }).__flightSeen = seen;
    record();
  });
}

/** Stops recording and returns what the words covered in flight. */
function recordedFlight(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __flight?: number; __flightSeen: Set<string> };
    if (w.__flight !== undefined) cancelAnimationFrame(w.__flight);
    return [...w.__flightSeen];
  });
}

/**
 * Steps through the scenario on a fake clock: each step's packet flies frame by frame inside one
 * clock.runFor (every frame recorded, none skipped for a slow machine), then lands.
 */
async function flightProblems(page: Page, id: string): Promise<string[]> {
  const total = await openOnStoppedClock(page, id);
  const problems: string[] = [];
  for (let step = 1; step <= total; step++) {
    await stepForwardTo(page, step, total);
    await recordFlight(page);
    await page.clock.runFor(2_000); // the step's animation (1.8 s at 1×) and a little more
    problems.push(...(await recordedFlight(page)).map((p) => `${id} step ${step}: ${p}`));
  }
  return problems;
}

/** Every scenario of the picker. */
async function scenarioIds(page: Page): Promise<string[]> {
  await page.goto('/');
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  return page
    .getByRole('combobox', { name: /^Scenario/ })
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
}

test.describe('at 1280×720, every step of every scenario', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  for (let group = 0; group < GROUPS; group++) {
    test(`scenarios ${group + 1} of every ${GROUPS}: the words in flight cover no label at full strength, no box text, and stay in the canvas`, async ({
      page,
      browser,
    }) => {
      test.setTimeout(300_000);
      const ids = (await scenarioIds(page)).filter((_, i) => i % GROUPS === group);
      expect(ids.length).toBeGreaterThan(0);
      const problems: string[] = [];
      // A context of its own for each scenario: a fake clock is installed once, before the app loads.
      for (const id of ids) {
        const context = await browser.newContext({
          baseURL: test.info().project.use.baseURL,
          viewport: { width: 1280, height: 720 },
        });
        problems.push(...(await flightProblems(await context.newPage(), id)));
        await context.close();
      }
      test.info().annotations.push({ type: 'covered in flight', description: String(problems.length) });
      expect(problems).toEqual([]);
    });
  }

  test('with reduced motion the words rest where the answer landed and no label fades', async ({ page }) => {
    // The landed words' place is settled once the frame is painted.
    await expectWordsRestWithReducedMotion(page, 300);
  });
});
