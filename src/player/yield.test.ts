import { afterEach, describe, expect, it, vi } from 'vitest';

describe('whenReaderActs', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('waits for the first sign of the reader, then runs every waiting task once, and later ones at once', async () => {
    const page = new EventTarget();
    vi.stubGlobal('window', page);
    const { whenReaderActs } = await import('./yield');
    const first = vi.fn();
    const second = vi.fn();
    whenReaderActs(first);
    whenReaderActs(second);
    page.dispatchEvent(new Event('scroll'));
    expect(first).not.toHaveBeenCalled();
    page.dispatchEvent(new Event('pointermove'));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    // The listeners are gone: more activity runs nothing again.
    page.dispatchEvent(new Event('keydown'));
    expect(first).toHaveBeenCalledTimes(1);
    const later = vi.fn();
    whenReaderActs(later);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('runs the task when idle where there is no page (the prerender, tests)', async () => {
    vi.useFakeTimers();
    const { whenReaderActs } = await import('./yield');
    const task = vi.fn();
    whenReaderActs(task);
    expect(task).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(task).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
