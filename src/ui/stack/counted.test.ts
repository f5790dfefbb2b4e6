import { describe, expect, it } from 'vitest';
import { counted } from './counted';

describe('counted', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect([0, 1, 2].map((n) => counted(n, 'resource'))).toEqual([
      '0 resources',
      '1 resource',
      '2 resources',
    ]);
  });
  it('takes an irregular plural', () => {
    expect([1, 3].map((n) => counted(n, 'box', 'boxes'))).toEqual(['1 box', '3 boxes']);
  });
});
