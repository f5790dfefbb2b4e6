import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { createAppStore } from '../store/app-store';
import { App } from './App';

/**
 * The first screen of a first visit (the default scenario before its first step, nothing stored),
 * rendered at build time by the same components the browser runs, and written into index.html
 * (see `firstScreen()` in vite.config.ts). The reader sees the scenario's words as soon as the HTML
 * and CSS arrive instead of after the app's JavaScript has loaded and run; the app then hydrates it
 * (renders the same screen over this HTML, attaching to it instead of rebuilding it) and takes over.
 * No engine runs here: the cloud is never created (the first screen shows nothing the engine
 * answers), so its promise never settles.
 */
export async function renderFirstScreen(): Promise<string> {
  const store = createAppStore({ createCloud: () => new Promise(() => {}), initial: {} });
  // prerender waits for the lazy parts of the screen (the diagram's chunk) instead of leaving their
  // Suspense boundaries for the browser to render (which React reports as an error when hydrating).
  // The HTML carries React's markers: the browser hydrates it (start.tsx).
  const { prelude } = await prerender(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
  return new Response(prelude).text();
}
