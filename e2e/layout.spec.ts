import { expect, type Locator, type Page, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Every screen (issue 12): on a 390×844 phone the diagram stands on end and shows every box of the
 * scenario at once, readable; at 1280×720 every box and line is in the first screen; the header is one
 * line at 1280; and nothing in the inspector (or in Cognito Sync's device cards) breaks inside a word.
 */

const SCENARIOS = [
  { id: 'guest', steps: 5, boxes: ['Browser app', 'Identity pool', 'STS', 'IAM', 'S3'] },
  { id: 'enhanced-flow', steps: 6, boxes: ['Browser app', 'User pool', 'Identity pool', 'STS', 'IAM', 'S3'] },
  { id: 'sts-assume-role', steps: 2, boxes: ['Developer', 'STS', 'IAM'] },
  { id: 'saml', steps: 6, boxes: ['Browser app', 'ExampleCorp', 'Identity pool', 'STS', 'IAM', 'S3'] },
] as const;

const diagram = (page: Page) => page.getByRole('region', { name: /^Diagram:/ });

/** Each box's rectangle on screen and the rendered size of its smallest text. */
async function boxesOnScreen(page: Page, names: readonly string[]) {
  const found: { name: string; x: number; y: number; right: number; bottom: number; text: number }[] = [];
  for (const name of names) {
    const box: Locator = diagram(page).getByRole('button', { name: new RegExp(`^${name},`) });
    await expect(box).toBeVisible();
    found.push({
      name,
      ...(await box.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const kind = el.querySelector('.service-node__kind') as HTMLElement;
        const zoom = kind.getBoundingClientRect().height / kind.offsetHeight;
        return {
          x: r.left,
          y: r.top,
          right: r.right,
          bottom: r.bottom,
          text: Number.parseFloat(getComputedStyle(kind).fontSize) * zoom,
        };
      })),
    });
  }
  return found;
}

/**
 * Line labels and boxes of the diagram that stick out of its canvas (or the phone's 390 px), and labels
 * that cover a box or another label, in CSS px on screen (half a pixel allowed for rounding).
 */
async function drawingProblems(page: Page) {
  return diagram(page).evaluate((root) => {
    const canvas = root.querySelector('.diagram__canvas') as HTMLElement;
    const c = canvas.getBoundingClientRect();
    const right = Math.min(c.right, document.documentElement.clientWidth);
    const items = Array.from(canvas.querySelectorAll('.edge-label, .diagram-box'), (el) => ({
      kind: el.classList.contains('edge-label') ? 'label' : 'box',
      text: (el.textContent ?? '').trim().slice(0, 40),
      r: el.getBoundingClientRect(),
    })).filter(({ r }) => r.width > 0);
    const problems: string[] = [];
    for (const { kind, text, r } of items) {
      if (r.left < c.left - 0.5 || r.right > right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5)
        problems.push(
          `${kind} "${text}" at ${r.left.toFixed(1)}–${r.right.toFixed(1)} × ${r.top.toFixed(1)}–${r.bottom.toFixed(1)} outside the canvas ${c.left.toFixed(1)}–${right.toFixed(1)} × ${c.top.toFixed(1)}–${c.bottom.toFixed(1)}`,
        );
    }
    const shared = (a: DOMRect, b: DOMRect) =>
      Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
      Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    const labels = items.filter((i) => i.kind === 'label');
    for (const [n, label] of labels.entries())
      for (const other of items)
        if (
          other !== label &&
          (other.kind === 'box' || labels.indexOf(other) > n) &&
          shared(label.r, other.r) > 1
        )
          problems.push(`label "${label.text}" covers ${other.kind} "${other.text}"`);
    return problems;
  });
}

async function open(page: Page, id: string, steps: number) {
  await page.goto(`/?scenario=${id}&step=0`);
  await expect(page.getByText(`0 of ${steps} played`, { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(300); // the view fits itself once the canvas is measured
}

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const { id, steps, boxes } of SCENARIOS) {
    test(`${id}: every box in view at once, readable, none off to the side`, async ({ page }) => {
      await open(page, id, steps);
      await diagram(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(200);
      for (const b of await boxesOnScreen(page, boxes)) {
        expect(b.x, `${b.name} left`).toBeGreaterThanOrEqual(0);
        expect(b.right, `${b.name} right`).toBeLessThanOrEqual(390);
        expect(b.y, `${b.name} top`).toBeGreaterThanOrEqual(0);
        expect(b.bottom, `${b.name} bottom`).toBeLessThanOrEqual(844);
        expect(b.right - b.x, `${b.name} width`).toBeGreaterThanOrEqual(120);
        expect(b.text, `${b.name} text size`).toBeGreaterThanOrEqual(12);
      }
      // The page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }

  // The longest operation names, drawn bold while their step is active: an under-estimated label width
  // once put their ends past the canvas's right edge (the fit is sized by the estimate). Every step.
  const LONG_LABELS = [
    { id: 'sts-saml', steps: 3 },
    { id: 'sts-web-identity', steps: 3 },
    { id: 'admin-api-backend', steps: 7 },
    { id: 'attack-saml-replay', steps: 4 },
    { id: 'attack-saml-tampered', steps: 2 },
    { id: 'attack-saml-wrapped', steps: 2 },
    { id: 'attack-missing-aud', steps: 9 },
  ] as const;
  for (const { id, steps } of LONG_LABELS) {
    test(`${id}: every line label inside the canvas, clear of the boxes and each other, at every step`, async ({
      page,
    }) => {
      const problems: string[] = [];
      for (let step = 0; step <= steps; step++) {
        await page.goto(`/?scenario=${id}&step=${step}`);
        await expect(progressText(page, step, steps)).toBeVisible({ timeout: 20_000 });
        await page.waitForTimeout(300); // the view fits itself once the canvas is measured
        problems.push(...(await drawingProblems(page)).map((p) => `step ${step}: ${p}`));
      }
      expect(problems).toEqual([]);
    });
  }

  test('every scenario of the catalogue at its last step: labels and boxes inside the canvas', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto('/');
    await expect(page.locator('#root')).not.toHaveAttribute('inert');
    const ids = await page.evaluate(() =>
      Array.from(document.querySelector('select')?.options ?? [], (o) => o.value),
    );
    expect(ids.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const id of ids) {
      await page.goto(`/?scenario=${id}&step=0`);
      const played = (await page.getByText(/^0 of \d+ played$/).textContent({ timeout: 20_000 })) ?? '';
      const steps = Number(/of (\d+)/.exec(played)?.[1]);
      await page.goto(`/?scenario=${id}&step=${steps}`);
      await expect(progressText(page, steps, steps)).toBeVisible({ timeout: 20_000 });
      await page.waitForTimeout(300);
      problems.push(...(await drawingProblems(page)).map((p) => `${id}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  test('the header wraps inside the screen: title and theme on one line, the views below', async ({
    page,
  }) => {
    await page.goto('/');
    const title = await page.getByRole('heading', { name: 'Identity Atlas' }).boundingBox();
    const theme = await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).boundingBox();
    expect(
      Math.abs((title?.y ?? 0) + (title?.height ?? 0) / 2 - ((theme?.y ?? 0) + (theme?.height ?? 0) / 2)),
    ).toBeLessThan(12);
    for (const button of await page.getByRole('navigation', { name: 'Views' }).getByRole('button').all()) {
      const b = await button.boundingBox();
      expect((b?.x ?? 0) + (b?.width ?? 0)).toBeLessThanOrEqual(390);
    }
  });
});

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  for (const { id, steps, boxes } of SCENARIOS) {
    test(`${id}: every box, line and label in the first screen`, async ({ page }) => {
      await open(page, id, steps);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const region = await diagram(page).boundingBox();
      expect((region?.y ?? 0) + (region?.height ?? 0)).toBeLessThanOrEqual(720);
      for (const b of await boxesOnScreen(page, boxes)) {
        expect(b.bottom, `${b.name} bottom`).toBeLessThanOrEqual(720);
        expect(b.right, `${b.name} right`).toBeLessThanOrEqual(1280);
        expect(b.text, `${b.name} text size`).toBeGreaterThanOrEqual(12);
      }
      const labels = await diagram(page)
        .locator('.edge-label, .diagram-line path')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom));
      expect(labels.length).toBeGreaterThan(0);
      expect(Math.max(...labels)).toBeLessThanOrEqual(720);
    });
  }

  test('every scenario of the catalogue: the boxes it uses are in the first screen and readable at its start', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto('/');
    await expect(page.locator('#root')).not.toHaveAttribute('inert');
    const ids = await page
      .getByRole('combobox', { name: /^Scenario/ })
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const id of ids) {
      await page.goto(`/?scenario=${id}&step=0`);
      await expect(page.getByText(/^0 of \d+ played$/)).toBeVisible({ timeout: 20_000 });
      await expect(diagram(page).locator('.service-node').first()).toBeVisible();
      await page.waitForTimeout(300); // the view fits itself once the canvas is measured
      const boxes = await diagram(page)
        .locator('.service-node:not(.is-dimmed)')
        .evaluateAll((els) =>
          els.map((el) => {
            const r = el.getBoundingClientRect();
            const kind = el.querySelector('.service-node__kind') as HTMLElement;
            const zoom = kind.getBoundingClientRect().height / kind.offsetHeight;
            return {
              name: el.querySelector('.service-node__label')?.textContent ?? '',
              right: r.right,
              bottom: r.bottom,
              text: Number.parseFloat(getComputedStyle(kind).fontSize) * zoom,
            };
          }),
        );
      for (const b of boxes) {
        if (b.bottom > 720 || b.right > 1280) problems.push(`${id}: ${b.name} outside the first screen`);
        if (b.text < 12) problems.push(`${id}: ${b.name} text at ${b.text.toFixed(1)} px`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the policy check leg and the IAM box show in the enhanced flow', async ({ page }) => {
    await open(page, 'enhanced-flow', 6);
    const check = diagram(page).locator('.edge-label', { hasText: 'policy check' });
    await expect(check).toBeVisible();
    expect(((await check.boundingBox())?.y ?? 999) + 20).toBeLessThanOrEqual(720);
  });

  test('the header is one line', async ({ page }) => {
    await page.goto('/');
    const header = page.locator('header.app-header');
    // The prerendered header is hidden from assistive technology until the app has taken it over.
    await expect(header.getByRole('button', { name: 'Flows' })).toBeVisible();
    const tops = await header
      .getByRole('button')
      .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect((await header.boundingBox())?.height ?? 999).toBeLessThan(64);
  });
});

/**
 * Words (runs between the places a browser may break a line: spaces, and after a hyphen, slash or
 * comma) that the layout split across two lines, inside the given element.
 */
function brokenWords(root: Locator) {
  return root.evaluate((el) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const re = /[^\s\-/,]+[-/,]?/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length < 2) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1) broken.push(m[0]);
      }
    }
    const style = [...el.querySelectorAll('*')]
      .map((e) => getComputedStyle(e))
      .filter(
        (s) => s.overflowWrap === 'anywhere' || s.wordBreak === 'break-all' || s.wordBreak === 'break-word',
      );
    return { broken, anywhere: style.length };
  });
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test.describe(`no word broken at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('in every inspector tab of the enhanced flow', async ({ page }) => {
      await page.goto('/?scenario=enhanced-flow&step=6');
      await expect(progressText(page, 6, 6)).toBeVisible({ timeout: 20_000 });
      for (const tab of ['Narration', 'Wire', 'JWT', 'Credentials', 'IAM', 'SigV4']) {
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(400);
        const { broken, anywhere } = await brokenWords(page.getByRole('tabpanel'));
        expect(broken, `${tab} tab`).toEqual([]);
        expect(anywhere, `${tab} tab: elements allowed to break anywhere`).toBe(0);
      }
      // Claim names stay whole: each on one line.
      await page.getByRole('tab', { name: 'JWT' }).click();
      const claim = page.getByRole('tabpanel').getByRole('rowheader', { name: 'cognito:groups' }).first();
      const { height, line } = await claim.evaluate((el) => ({
        height: el.getBoundingClientRect().height,
        line: Number.parseFloat(getComputedStyle(el).lineHeight) || 20,
      }));
      expect(height).toBeLessThan(line * 1.9);
    });

    test('in the IAM and Component tabs, ids and ARNs are whole and inside the panel', async ({ page }) => {
      const panel = page.getByRole('tabpanel');
      const fits = () =>
        panel.evaluate((el) => {
          // Every line of text, measured as drawn (a text node can run past the box that holds it).
          const edge = el.getBoundingClientRect().right;
          const past: string[] = [];
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            if ([...range.getClientRects()].some((r) => r.right > edge + 0.5))
              past.push(node.textContent?.slice(0, 60) ?? '');
          }
          return { past, scroll: el.scrollWidth, client: el.clientWidth };
        });
      // The SAML sign-in's role ARN is the longest in an IAM headline.
      await page.goto('/?scenario=saml&step=3');
      await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
      await page.getByRole('tab', { name: 'IAM' }).click();
      await expect(panel).toContainText('arn:aws:iam::');
      await expect(panel.getByRole('heading', { level: 4 }).first()).toContainText(/role\/AtlasSaml\w*Role/);
      const iam = await fits();
      expect(iam.past).toEqual([]);
      expect(iam.scroll).toBeLessThanOrEqual(iam.client);
      expect((await brokenWords(panel)).broken).toEqual([]);

      // A box explained: the identity pool's id and both role ARNs, whole, tell the two roles apart.
      await page.goto('/?scenario=enhanced-flow&step=0');
      await page.getByRole('button', { name: /^Identity pool/ }).click();
      await expect(page.getByRole('tab', { name: 'Component' })).toHaveAttribute('aria-selected', 'true');
      await expect(panel).toContainText(
        /us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
      );
      await expect(panel).toContainText('role/AtlasAuthenticatedRole');
      await expect(panel).toContainText('role/AtlasGuestRole');
      const component = await fits();
      expect(component.past).toEqual([]);
      expect(component.scroll).toBeLessThanOrEqual(component.client);
      const { broken, anywhere } = await brokenWords(panel);
      expect(broken).toEqual([]);
      expect(anywhere).toBe(0);
    });

    test("in the engine's refusal, whose message holds a long ARN", async ({ page }) => {
      await page.goto('/?scenario=enhanced-flow&step=6');
      await expect(progressText(page, 6, 6)).toBeVisible({ timeout: 20_000 });
      await page.getByRole('tab', { name: 'Narration' }).click();
      const note = page.getByRole('tabpanel').getByRole('region', { name: 'Engine refusal' });
      await expect(note).toContainText('arn:aws:sts::');
      const { broken, anywhere } = await brokenWords(note);
      expect(broken).toEqual([]);
      expect(anywhere).toBe(0);
      // Whole and inside the panel: the ARN wraps between its parts instead of running past the edge.
      const { scroll, client } = await note.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
      }));
      expect(scroll).toBeLessThanOrEqual(client);
    });

    test('in the STS gallery with all five calls run live; sideways scroll only on a phone, and said', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.goto('/?view=sts');
      for (const operation of [
        'AssumeRole',
        'AssumeRoleWithSAML',
        'AssumeRoleWithWebIdentity',
        'GetFederationToken',
        'GetSessionToken',
      ]) {
        await page.getByRole('button', { name: `Run ${operation}`, exact: true }).click();
        await expect(page.getByText(new RegExp(`^${operation}: 200 OK`))).toBeVisible({ timeout: 20_000 });
      }
      const region = page.getByRole('region', { name: 'STS comparison table' });
      // The live principals (a 12-digit account, long role and session names) are what widened the table.
      await expect(region.getByText('Principal:')).toHaveCount(5);
      const {
        scroll,
        client,
        page: pageWidth,
      } = await region.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
        page: document.documentElement.scrollWidth,
      }));
      expect(pageWidth).toBeLessThanOrEqual(viewport.width);
      if (viewport.width >= 1280) {
        expect(scroll).toBeLessThanOrEqual(client);
        await expect(page.getByText('scroll the table sideways')).toBeHidden();
      } else {
        // A phone keeps the columns readable and scrolls them, and the page tells the reader so.
        expect(scroll).toBeGreaterThan(client);
        await expect(page.getByText('scroll the table sideways')).toBeVisible();
      }
      // Narrower columns, and still no word split: ARNs wrap between their parts, never inside a name.
      const { broken, anywhere } = await brokenWords(region);
      expect(broken).toEqual([]);
      expect(anywhere).toBe(0);
    });

    test('in Cognito Sync with three devices', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/?view=sync');
      await page.getByRole('button', { name: 'Add a device' }).click();
      for (const step of [1, 2, 3]) {
        await page.getByRole('button', { name: `Run step ${step}` }).click();
        await expect(page.getByRole('button', { name: `Run step ${step + 1}` })).toBeVisible({
          timeout: 20_000,
        });
      }
      for (const name of ['Phone', 'Laptop', 'Tablet']) {
        const card = page.getByRole('region', { name: `${name} device` });
        await expect(card).toBeVisible();
        const { broken, anywhere } = await brokenWords(card);
        expect(broken, name).toEqual([]);
        expect(anywhere, name).toBe(0);
      }
    });
  });
}

/**
 * Resolves once the page has had a few idle periods in a row: what it defers to idle time has run.
 * At most 10 s: on a loaded machine the browser has been seen to give no idle period for seconds.
 */
const settled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        let calm = 0;
        const check = (deadline: IdleDeadline) => {
          calm = deadline.timeRemaining() >= 40 ? calm + 1 : 0;
          if (calm >= 3 || performance.now() - started > 10_000) resolve();
          else requestIdleCallback(check, { timeout: 1_000 });
        };
        requestIdleCallback(check, { timeout: 1_000 });
      }),
  );

test('the diagram and the step list stay put, in the first screen, as the narration changes length', async ({
  page,
}) => {
  // At this height the drawing fits whole only if the canvas gives up room to the longest narration.
  // The narration keeps the height of the scenario's longest step, so nothing below it moves from step
  // to step; every narration still shows whole.
  await page.setViewportSize({ width: 1280, height: 640 });
  await open(page, 'enhanced-flow', 6);
  await settled(page);
  const canvas = diagram(page).locator('.diagram__canvas');
  const narration = page.locator('.narration');
  const place = async () => {
    const at = await canvas.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        top: Math.round(r.top + window.scrollY),
        bottom: Math.round(r.bottom + window.scrollY),
        height: Math.round(r.height),
      };
    });
    const list = await page
      .getByRole('list', { name: 'Steps' })
      .evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const cut = await narration.evaluate((el) => el.scrollHeight - el.clientHeight);
    return { ...at, list, cut };
  };
  const places: Awaited<ReturnType<typeof place>>[] = [];
  const lines = new Set<number>();
  for (let i = 1; i <= 6; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByText(`${i} of 6 played`, { exact: true })).toBeVisible({ timeout: 20_000 });
    const at = await place();
    expect(at.bottom, `the canvas's bottom at step ${i}`).toBeLessThanOrEqual(640);
    expect(at.cut, `narration cut off at step ${i}`).toBeLessThanOrEqual(1);
    places.push(at);
    // How tall this step's own words are: the narrations differ (else this walk tested nothing).
    lines.add(
      await narration.evaluate((el) =>
        Math.round(Array.from(el.children).reduce((sum, p) => sum + p.getBoundingClientRect().height, 0)),
      ),
    );
  }
  expect(lines.size).toBeGreaterThan(1);
  // Back to the start and through again: the same place at every step.
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByText('0 of 6 played', { exact: true })).toBeVisible();
  places.push(await place());
  for (const at of places) {
    expect({ top: at.top, height: at.height, list: at.list }).toEqual({
      top: places[0]?.top,
      height: places[0]?.height,
      list: places[0]?.list,
    });
  }
});

test('stepping back through steps already run measures the narration drafts no more', async ({ page }) => {
  // The narration's steady height comes from drafts of every step's text, rendered hidden and measured
  // while the browser is idle. Going back shows steps that have run: their texts are the ones measured,
  // so nothing is rendered or measured again (it was, after every seek, until the drafts were made from
  // the whole run instead of the entries up to the step shown).
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, 'enhanced-flow', 6);
  for (let i = 1; i <= 6; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByText(`${i} of 6 played`, { exact: true })).toBeVisible({ timeout: 20_000 });
  }
  await settled(page);
  const narration = page.locator('.narration');
  const room = await narration.evaluate((el) => el.style.minHeight);
  expect(room, 'the drafts were measured once').toMatch(/^\d+px$/);
  await page.evaluate(() => {
    const w = window as unknown as { __drafts: number };
    w.__drafts = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const node of r.addedNodes)
          if (node instanceof HTMLElement && node.classList.contains('steady-height-drafts')) w.__drafts += 1;
    }).observe(document.body, { childList: true });
  });
  for (let i = 5; i >= 2; i--) {
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText(`${i} of 6 played`, { exact: true })).toBeVisible();
    await settled(page);
  }
  await page.getByRole('list', { name: 'Steps' }).getByRole('button').nth(5).click();
  await expect(page.getByText('6 of 6 played', { exact: true })).toBeVisible();
  await settled(page);
  expect(await page.evaluate(() => (window as unknown as { __drafts: number }).__drafts)).toBe(0);
  expect(await narration.evaluate((el) => el.style.minHeight)).toBe(room);
});

test('on a phone the narration takes only the height of its own words', async ({ page }) => {
  // A phone scrolls the page: reserving the longest step's height would leave blank lines under most.
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, 'enhanced-flow', 6);
  await settled(page);
  const narration = page.locator('.narration');
  for (let i = 1; i <= 3; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByText(`${i} of 6 played`, { exact: true })).toBeVisible({ timeout: 20_000 });
    const blank = await narration.evaluate((el) => {
      const last = el.lastElementChild?.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return last
        ? box.bottom -
            last.bottom -
            Number.parseFloat(style.paddingBottom) -
            Number.parseFloat(style.borderBottomWidth)
        : 0;
    });
    // No more than the paragraph's own margin below the last line.
    expect(blank, `blank space under the narration at step ${i}`).toBeLessThan(8);
  }
});

test('the lines follow the boxes when the reader zooms and pans the diagram', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?scenario=enhanced-flow&step=3');
  await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
  const pool = diagram(page).getByRole('button', { name: /^Identity pool,/ });
  const line = page.locator('[data-line="app->identityPool"] path');
  // The line from the app ends on the identity pool box's left side, whatever the zoom and pan.
  const gap = async () => {
    const [box, path] = [await pool.boundingBox(), await line.boundingBox()];
    return Math.abs((path?.x ?? 0) + (path?.width ?? 0) - (box?.x ?? 0));
  };
  await expect.poll(gap).toBeLessThan(3);
  const before = await pool.boundingBox();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await pool.boundingBox())?.width).toBeGreaterThan((before?.width ?? 0) + 10);
  await expect.poll(gap).toBeLessThan(3);
  const zoomed = await pool.boundingBox();
  const canvas = await page.locator('.diagram__canvas').boundingBox();
  await page.mouse.move((canvas?.x ?? 0) + 300, (canvas?.y ?? 0) + 60);
  await page.mouse.down();
  await page.mouse.move((canvas?.x ?? 0) + 180, (canvas?.y ?? 0) + 20, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await pool.boundingBox())?.x).toBeLessThan((zoomed?.x ?? 0) - 50);
  await expect.poll(gap).toBeLessThan(3);
});

test("React Flow's pane loads when the reader reaches for the diagram, and then pans it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const flowChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/PanZoom-/.test(request.url())) flowChunks.push(request.url());
  });
  await page.goto('/?scenario=enhanced-flow&step=3');
  await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
  const pool = diagram(page).getByRole('button', { name: /^Identity pool,/ });
  await expect(pool).toBeVisible();
  // Drawn, credited, and React Flow not loaded: a reader who only reads and steps never pays for it.
  await expect(diagram(page).getByRole('link', { name: 'React Flow attribution' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(progressText(page, 2, 6)).toBeVisible();
  expect(flowChunks).toEqual([]);
  await expect(page.locator('.react-flow')).toHaveCount(0);
  // The mouse comes over the canvas: React Flow's pane loads under the drawing.
  const canvas = await page.locator('.diagram__canvas').boundingBox();
  await page.mouse.move((canvas?.x ?? 0) + 300, (canvas?.y ?? 0) + 60);
  await expect(page.locator('.react-flow')).toHaveCount(1);
  expect(flowChunks).toHaveLength(1);
  // Still one credit.
  await expect(diagram(page).getByRole('link', { name: 'React Flow attribution' })).toHaveCount(1);
  const before = await pool.boundingBox();
  await page.mouse.down();
  await page.mouse.move((canvas?.x ?? 0) + 200, (canvas?.y ?? 0) + 100, { steps: 8 });
  await page.mouse.up();
  // The boxes and lines move together with the pane.
  await expect.poll(async () => (await pool.boundingBox())?.x).toBeLessThan((before?.x ?? 0) - 50);
  const line = page.locator('[data-line="app->identityPool"] path');
  await expect
    .poll(async () => {
      const [box, path] = [await pool.boundingBox(), await line.boundingBox()];
      return Math.abs((path?.x ?? 0) + (path?.width ?? 0) - (box?.x ?? 0));
    })
    .toBeLessThan(3);
  // Fit brings the whole drawing back to where it started.
  await page.getByRole('button', { name: 'Fit the whole diagram' }).click();
  await expect
    .poll(async () => Math.round((await pool.boundingBox())?.x ?? 0))
    .toBe(Math.round(before?.x ?? 0));
});
