import { describe, expect, it } from 'vitest';
import { createCloud } from './index';

describe('createCloud', () => {
  it('draws the same demo ids from the same seed and different ones from another seed', async () => {
    const a = await createCloud({ seed: 's1', now: () => 0 });
    const b = await createCloud({ seed: 's1', now: () => 0 });
    const c = await createCloud({ seed: 's2', now: () => 0 });
    expect(a.demo.accountId).toMatch(/^\d{12}$/);
    expect(a.demo.accountId).toBe(b.demo.accountId);
    expect(a.demo.accountId).not.toBe(c.demo.accountId);
  });

  it('rejects a request to a host no simulated service owns, as a network failure', async () => {
    const cloud = await createCloud({ now: () => 0 });
    await expect(cloud.fetch(new Request('https://example.invalid/'))).rejects.toBeInstanceOf(TypeError);
  });

  it('restores from a snapshot with the same world', async () => {
    const cloud = await createCloud({ now: () => 0 });
    const restored = await createCloud({ snapshot: cloud.snapshot(), now: () => 0 });
    expect(restored.demo.accountId).toBe(cloud.demo.accountId);
    expect(restored.snapshot().state).toBe(cloud.snapshot().state);
  });
});
