import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

/**
 * The built app's Content-Security-Policy: scripts, styles and everything else only from our own
 * origin, no inline script, no eval, no remote origins. The simulated AWS lives in the tab, so the page
 * never needs a network connection beyond its own files. Only the production build gets it: Vite's dev
 * server injects an inline script for hot reload. (frame-ancestors cannot be set from a <meta> tag.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'identity-atlas-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * Where the app is served from: `/` by default, or a static host's sub-path, e.g.
 * `BASE_PATH=/identity-atlas/ npm run build`. Deep links are query strings on index.html
 * (`?scenario=…&step=…`), so they work under any base. OUT_DIR moves the build (a second build for
 * the sub-path test need not overwrite dist/).
 */
const BASE_PATH = process.env.BASE_PATH ?? '/';
const OUT_DIR = process.env.OUT_DIR ?? 'dist';

/**
 * Offline: a Workbox service worker precaches the whole build (the engine chunk included, hence the
 * size limit), so after one visit the app opens with no network. It is registered by an external
 * registerSW.js (no inline script: the CSP allows none) and updates itself when a new build is deployed.
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script',
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg}'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  base: BASE_PATH,
  plugins: [react(), contentSecurityPolicy(), offline],
  build: {
    target: 'es2022',
    sourcemap: true,
    outDir: OUT_DIR,
  },
  // The seed worker (src/engine-loader/seed-worker.ts) imports the engine, which splits into chunks.
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
