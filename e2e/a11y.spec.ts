import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Everyday quality: axe on every view in both themes, a keyboard-only walk through the flow view,
 * names for the diagram's boxes, the narration announced, and regions that fail alone.
 */

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const VIEWS = ['STS gallery', 'After sign-out', 'Cognito Sync', 'AppSync', 'Sign up'] as const;

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on any view, ${theme} theme`, async ({ page }) => {
    test.setTimeout(300_000); // each axe scan of the full page takes seconds on a shared core
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/?scenario=enhanced-flow&step=5');
    await expect(progressText(page, 5, 6)).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await seriousViolations(page), 'flow, narration').toEqual([]);
    for (const tab of ['Wire', 'JWT', 'Credentials', 'IAM', 'SigV4', 'Code']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      expect(await seriousViolations(page), `flow, ${tab} tab`).toEqual([]);
    }
    await page.goto('/?scenario=guest&as=guest&step=5');
    await expect(progressText(page, 5, 5)).toBeVisible({ timeout: 20_000 });
    expect(await seriousViolations(page), 'guest flow with a denial').toEqual([]);
    // Two people sign in: the switch marks both and says so in a sentence it is described by.
    await page.goto('/?scenario=attack-missing-aud&step=9');
    await expect(progressText(page, 9, 9)).toBeVisible({ timeout: 20_000 });
    expect(await seriousViolations(page), 'a two-person scenario').toEqual([]);
    for (const view of VIEWS) {
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
      await page.waitForTimeout(1500); // views fill in from the engine
      expect(await seriousViolations(page), view).toEqual([]);
    }
  });
}

test('the flow view can be used with the keyboard alone: every control reached, focus visible, no trap', async ({
  page,
}) => {
  // At step 2 every player control is available (Restart and Back are not at 0).
  await page.goto('/?scenario=enhanced-flow&step=2');
  await expect(progressText(page, 2, 6)).toBeVisible({ timeout: 20_000 });
  const seen: string[] = [];
  let reachedSteps = false;
  for (let i = 0; i < 60 && !reachedSteps; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      // Radio inputs are visually hidden: their label shows the focus ring.
      const label = el.closest('label');
      const labelOutlined = !!label && getComputedStyle(label).outlineStyle !== 'none';
      return {
        name: (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 40),
        inDiagram: !!el.closest('.diagram'),
        inSteps: !!el.closest('[aria-label="Steps"]'),
        visible: outlined || labelOutlined,
        onScreen: rect.width > 0 && rect.height > 0,
      };
    });
    if (!focused) continue;
    seen.push(focused.name);
    expect(focused.visible, `focus ring on ${focused.name}`).toBe(true);
    if (focused.inSteps) reachedSteps = true;
  }
  // Past the diagram's zoom buttons, Tab goes on to the step list: the diagram holds no one.
  expect(reachedSteps, seen.join(' → ')).toBe(true);
  for (const name of ['Restart', 'Step back', 'Play', 'Step forward', 'Zoom In']) {
    expect(
      seen.some((s) => s.toLowerCase().includes(name.toLowerCase())),
      `${name} in ${seen.join(' → ')}`,
    ).toBe(true);
  }
  // Arrow keys step back and forward wherever focus is (outside text fields and tabs).
  await page.keyboard.press('ArrowRight');
  await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('ArrowLeft');
  await expect(progressText(page, 2, 6)).toBeVisible({ timeout: 20_000 });
});

test('Enter on Next and on a step keeps the keyboard focus where it was, so the reader can press again', async ({
  page,
}) => {
  await page.goto('/?scenario=enhanced-flow&step=0');
  const next = page.getByRole('button', { name: 'Step forward' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
  // Next is unavailable while its step runs; it says so without giving up the focus.
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(progressText(page, 2, 6)).toBeVisible({ timeout: 20_000 });
  await expect(next).toBeFocused();
  const fourth = page.getByRole('list', { name: 'Steps' }).getByRole('button').nth(3);
  await fourth.focus();
  await page.keyboard.press('Enter');
  await expect(progressText(page, 4, 6)).toBeVisible({ timeout: 20_000 });
  await expect(fourth).toBeFocused();
  await expect(fourth).toHaveAttribute('aria-current', 'step');
});

test('the diagram names every box, and the narration is announced as the step changes', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&step=0');
  const diagram = page.getByRole('region', { name: /^Diagram:/ });
  const boxes = diagram.locator('.diagram-box').getByRole('button');
  await expect(boxes.first()).toBeVisible();
  const names = await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(names.length).toBe(await page.locator('.diagram-box').count());
  for (const name of names) expect(name).toMatch(/^[A-Z][\w. ]+, .{8,}/);
  // Boxes a scenario does not use are removed, not greyed (issue 12): every box named is on the path,
  // and the enhanced flow's path includes the policy check at IAM.
  expect(names.some((n) => /not used in this flow/.test(n))).toBe(false);
  expect(names.some((n) => /^IAM\b/.test(n))).toBe(true);

  const live = page.locator('[aria-live="polite"]').filter({ hasText: /Press Play/ });
  await expect(live).toHaveAttribute('aria-atomic', 'true');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('.narration[aria-live="polite"]')).toContainText('Step 1:', { timeout: 20_000 });
});

test('a region that fails shows what failed, and the rest of the app keeps working', async ({ page }) => {
  // The STS gallery's code cannot be loaded (a broken deploy, a dropped connection).
  await page.route(/\/assets\/StsGallery-[^/]+\.js$/, (route) => route.abort());
  await page.goto('/?scenario=enhanced-flow&step=0');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'STS gallery' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The STS gallery failed' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  // Everything else still works: back to the flows, and a step runs through the engine.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Flows' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').first()).toContainText(
    '200 OK',
  );
});

test('when the engine cannot load, the diagram and the steps are still there and say why nothing runs', async ({
  page,
}) => {
  const engine = /\/assets\/sim-[^/]+\.js$/;
  await page.route(engine, (route) => route.abort());
  await page.goto('/?scenario=enhanced-flow&step=0');
  await expect(page.getByRole('button', { name: /^Identity pool/ })).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'The simulated cloud could not start' });
  await expect(failure).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('button')).toHaveCount(6);
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'After sign-out' })
    .click();
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'After sign-out' }),
  ).toHaveAttribute('aria-current', 'page');
  // Once the network serves the engine again, the alert's button reloads the page, and it runs.
  await page.unroute(engine);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Flows' }).click();
  await failure.getByRole('button', { name: 'Reload and try again' }).click();
  await expect(failure).toHaveCount(0, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
});

test('with reduced motion the packet rests where the answer arrived instead of travelling', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?scenario=enhanced-flow&step=0');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
  const packet = page.locator('.diagram-lines .packet');
  await expect(packet).toHaveCount(1);
  const first = await packet.getAttribute('transform');
  await page.waitForTimeout(600); // mid-animation at normal motion
  expect(await packet.getAttribute('transform')).toBe(first);
});

test('on a 390-pixel phone the panels stack and the diagram fits the width at a readable size', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?scenario=enhanced-flow&step=2');
  await expect(progressText(page, 2, 6)).toBeVisible({ timeout: 20_000 });
  const layout = await page.evaluate(() => {
    const diagram = document.querySelector('.diagram') as HTMLElement;
    const inspector = document.querySelector('.inspector') as HTMLElement;
    const kind = document.querySelector('.service-node__kind') as HTMLElement;
    return {
      scrolls: diagram.scrollWidth > diagram.clientWidth,
      pageWidth: document.documentElement.scrollWidth,
      stacked: inspector.getBoundingClientRect().top >= diagram.getBoundingClientRect().bottom,
      text:
        (kind.getBoundingClientRect().height / kind.offsetHeight) *
        Number.parseFloat(getComputedStyle(kind).fontSize),
    };
  });
  // Issue 12: sideways scrolling showed two boxes of six; the diagram now stands on end and fits the
  // phone's width (e2e/layout.spec.ts checks every box is in view). The box text is then 12.x px.
  expect(layout.scrolls).toBe(false);
  expect(layout.pageWidth).toBeLessThanOrEqual(390);
  expect(layout.stacked).toBe(true);
  expect(layout.text).toBeGreaterThanOrEqual(12);
});
