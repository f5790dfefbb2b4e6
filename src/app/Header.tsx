import { useLayoutEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../store/hooks';
import type { View } from '../store/types';

const VIEWS: { id: View; label: string }[] = [
  { id: 'flow', label: 'Flows' },
  { id: 'sts', label: 'STS gallery' },
  { id: 'sign-out', label: 'After sign-out' },
  { id: 'sync', label: 'Cognito Sync' },
  { id: 'appsync', label: 'AppSync' },
  { id: 'signup', label: 'Sign up' },
  { id: 'stack', label: 'Your stack' },
  { id: 'learn', label: 'Learn' },
];

type Theme = 'light' | 'dark';

/** Where the reader's choice is kept; the first-screen script (vite.config.ts) reads the same key. */
const THEME_KEY = 'identity-atlas-theme';

function storedTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'dark' || value === 'light' ? value : undefined;
  } catch {
    // Storage blocked (a privacy setting): the system's preference it is.
    return undefined;
  }
}

/**
 * The theme: the reader's last choice, else the system's preference. The first render is light, as
 * the prerendered first screen is (the app hydrates it, and must render it as it was written); the
 * choice is read right after, before the browser paints (the first-screen script already applied it
 * to the page, so nothing flashes).
 */
function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>('light');
  useLayoutEffect(() => {
    const chosen = storedTheme();
    if (chosen === 'dark' || (!chosen && window.matchMedia('(prefers-color-scheme: dark)').matches))
      setTheme('dark');
  }, []);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const toggle = () => {
    const next = theme === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Not kept across reloads where storage is blocked; the switch still works.
    }
    setTheme(next);
  };
  return [theme, toggle];
}

export function Header() {
  const store = useAppStoreApi();
  const view = useAppStore((s) => s.view);
  const [theme, toggleTheme] = useTheme();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>Identity Atlas</h1>
        <p>How a person becomes AWS credentials, simulated in your browser.</p>
      </div>
      <nav aria-label="Views">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                aria-current={view === v.id ? 'page' : undefined}
                onClick={() =>
                  // Learn opens at its chapter list; the others keep what they show.
                  v.id === 'learn' ? store.getState().openChapter(undefined) : store.getState().setView(v.id)
                }
              >
                {v.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <button
        type="button"
        className="theme-toggle"
        onClick={toggleTheme}
        aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
      >
        {theme === 'dark' ? '☀ Light' : '☾ Dark'}
      </button>
    </header>
  );
}
