import { describe, expect, it } from 'vitest';
import { canonicalSearch, parseUrlState } from './url-state';

describe('canonicalSearch', () => {
  it('leaves a link alone when every value in it is what the app shows', () => {
    expect(canonicalSearch('')).toBeUndefined();
    expect(canonicalSearch('?scenario=guest')).toBeUndefined();
    expect(canonicalSearch('?scenario=guest&as=guest&step=3&view=sts')).toBeUndefined();
    expect(canonicalSearch('?scenario=enhanced-flow&step=0&view=flow')).toBeUndefined();
    expect(canonicalSearch('?view=learn&chapter=guest-scope-down')).toBeUndefined();
    expect(canonicalSearch('?scenario=enhanced-flow&step=3&clock=3:3600000')).toBeUndefined();
  });

  it('replaces a step that is not a number with the step shown', () => {
    expect(canonicalSearch('?step=abc')).toBe('?scenario=enhanced-flow&as=userPool&step=0');
    expect(canonicalSearch('?scenario=guest&step=-2')).toBe('?scenario=guest&as=guest&step=0');
  });

  it('clamps a step past the end, with or without a scenario in the link', () => {
    expect(canonicalSearch('?scenario=guest&step=999')).toBe('?scenario=guest&as=guest&step=5');
    expect(canonicalSearch('?step=999')).toBe('?scenario=enhanced-flow&as=userPool&step=6');
    expect(parseUrlState('?step=999').step).toBe(6);
  });

  it('drops an unknown view, a contradicting as, a stray chapter and a clock that does not apply', () => {
    expect(canonicalSearch('?view=nonsense')).toBe('?scenario=enhanced-flow&as=userPool&step=0');
    expect(canonicalSearch('?scenario=enhanced-flow&as=guest&step=1')).toBe(
      '?scenario=enhanced-flow&as=userPool&step=1',
    );
    expect(canonicalSearch('?scenario=guest&chapter=guest-scope-down')).toBe(
      '?scenario=guest&as=guest&step=0',
    );
    expect(canonicalSearch('?scenario=guest&clock=99:1000')).toBe('?scenario=guest&as=guest&step=0');
    expect(canonicalSearch('?as=iamUser')).toBe('?scenario=enhanced-flow&as=userPool&step=0');
    // A machine client has no flow of its own either; with its scenario the link is already right.
    expect(canonicalSearch('?as=machine')).toBe('?scenario=enhanced-flow&as=userPool&step=0');
    expect(canonicalSearch('?scenario=machine-to-machine&as=machine&step=2')).toBeUndefined();
  });

  it('gives a Learn link only its view and chapter, as the app writes it', () => {
    expect(canonicalSearch('?view=learn&step=abc')).toBe('?view=learn');
  });

  it('refuses a key given twice, since only one of its values can be shown', () => {
    expect(canonicalSearch('?scenario=guest&step=1&step=2')).toBe('?scenario=guest&as=guest&step=1');
  });

  it('ignores query keys that are not the app’s own', () => {
    expect(canonicalSearch('?scenario=guest&utm_source=mail')).toBeUndefined();
  });
});
