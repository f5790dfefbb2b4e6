import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';
import { registerOffline } from './register-offline';

/**
 * Starts the app in `root`. With the prerendered first screen there (a first visit's default page),
 * React hydrates it: the same components render the same screen and attach to the HTML already on
 * screen, without rebuilding it (no new elements, no second layout of the page). With `root` empty
 * (index.html's inline script removed the first screen for a deep link), React renders from scratch.
 * Either way in a transition: React renders in short slices, giving the browser turns between them,
 * instead of one long task.
 */
export function start(root: HTMLElement) {
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  startTransition(() => {
    if (root.childElementCount > 0) hydrateRoot(root, app);
    else createRoot(root).render(app);
  });
  registerOffline();
}
