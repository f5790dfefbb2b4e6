import { whenIdle } from '../player/yield';

/**
 * Registers the service worker that precaches the build (vite.config.ts), so that the next visit
 * opens with no network. Called once the app has rendered, when the page is idle: the precache
 * fetches every file of the build, which on a first visit over a slow link would otherwise compete
 * with the files the first screen is waiting for. `sw.js` sits beside index.html under the app's base.
 */
export function registerOffline(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  whenIdle(() => {
    const base = import.meta.env.BASE_URL;
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
      // No offline copy this visit; the app itself is unaffected.
      console.warn('Offline copy not installed:', error);
    });
  }, 3000);
}
