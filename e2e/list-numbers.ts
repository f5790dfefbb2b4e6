import type { Locator, Page } from '@playwright/test';

/**
 * The numbers a reader sees in front of a list's items: Chromium's list markers, read from its
 * accessibility tree (the DOM does not hold them: `reversed`, `start`, `value` and CSS counters all count).
 * Only what is rendered is read, so the lists inside a closed `<details>` add nothing.
 */
export async function listNumbers(page: Page, list: Locator): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const probe = 'data-list-numbers-probe';
  try {
    await list.evaluate((el, name) => el.setAttribute(name, ''), probe);
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector('[${probe}]')`,
    });
    const { nodes } = await cdp.send('Accessibility.queryAXTree', {
      objectId: result.objectId,
      role: 'ListMarker',
    });
    // A <summary> inside an item has a marker too (its disclosure triangle), not a number: skip those.
    return nodes
      .map((node) => String(node.name?.value ?? '').trim())
      .filter((name) => /^\d+\.$/.test(name))
      .map((name) => Number.parseInt(name, 10));
  } finally {
    await list.evaluate((el, name) => el.removeAttribute(name), probe);
    await cdp.detach();
  }
}

/** `[n, n - 1, …, 1]`: what a list counted down from its first entry shows. */
export const countedDown = (n: number) => Array.from({ length: n }, (_, i) => n - i);
