import type { ReactNode } from 'react';

/**
 * Raw wire text (HTTP, JSON, canonical requests, code). Lines keep their shape and scroll sideways
 * rather than breaking inside a word or a token ("USER_PASSWORD_AUT H"); the block is focusable so a
 * keyboard can scroll it too.
 */
export function WireText({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
    <pre className="wire" tabIndex={0}>
      {children}
    </pre>
  );
}
