import { memo } from 'react';

/**
 * Player icons drawn as inline SVG: font glyphs such as ⏸ render as an empty box on systems whose
 * fonts lack them. Each is decorative (the button carries the name) and takes the text colour.
 * Memoised: they never change, and the player's buttons render at every step.
 */
const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  focusable: false,
  className: 'icon',
} as const;

export const PlayIcon = memo(function PlayIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </svg>
  );
});

export const PauseIcon = memo(function PauseIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <rect x="3" y="2.5" width="3.5" height="11" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3.5" height="11" fill="currentColor" />
    </svg>
  );
});

/** Step back and step forward: a triangle against a bar, so that neither reads as Play on a phone. */
export const BackIcon = memo(function BackIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <rect x="2.5" y="2.5" width="2" height="11" fill="currentColor" />
      <path d="M13.5 2.5v11L5 8z" fill="currentColor" />
    </svg>
  );
});

export const NextIcon = memo(function NextIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M2.5 2.5v11L11 8z" fill="currentColor" />
      <rect x="11.5" y="2.5" width="2" height="11" fill="currentColor" />
    </svg>
  );
});

export const RestartIcon = memo(function RestartIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path
        d="M3.5 8a4.5 4.5 0 1 0 1.4-3.3M3.5 2.5v3h3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
});
