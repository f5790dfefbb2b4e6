import { useMediaQuery } from './use-media-query';

/** True when the reader asked the system for less motion; packets then rest instead of travelling. */
export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
