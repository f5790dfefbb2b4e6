import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { startChunks } from './build-plugins/start-chunks.ts';
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
 * first-screen.js: a classic script in the head, so it has run before anything of the body is parsed
 * or painted (fetched alongside the stylesheet, which holds the first paint back anyway; an inline
 * script would need a CSP exception). The prerendered first screen is the default scenario of a first
 * visit; a link that asks for anything else (another scenario, step, view …) must never show it, so
 * the page is marked `deep-link`: the stylesheet hides the first screen and the app removes it and
 * draws that link's screen itself (main.tsx). The theme is the reader's stored choice, else the system's,
 * as in the app's header.
 * The diagram's shape on the first screen is handed to the stylesheet (a style attribute in the HTML
 * would need a CSP exception; the CSSOM needs none).
 */
function firstScreenScript(aspect: string): string {
  return [
    "if (location.search.length > 1) document.documentElement.classList.add('deep-link');",
    // The reader's chosen theme (Header.tsx keeps it), else the system's; storage may be blocked.
    "var theme; try { theme = localStorage.getItem('identity-atlas-theme'); } catch (e) {}",
    "if (theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)) document.documentElement.dataset.theme = 'dark';",
    `document.documentElement.style.setProperty('--first-screen-aspect', ${JSON.stringify(aspect)});`,
  ].join('\n');
}

/**
 * Writes the first screen into index.html at build time: the app's own components rendered to HTML
 * for the default scenario before its first step (src/app/first-screen.tsx, through Vite's SSR module
 * loader). Until the app has hydrated it (App.tsx then takes both attributes off) it is inert and
 * aria-hidden: not clickable, not focusable, not offered to assistive technology (aria-hidden says so
 * to tools that do not know `inert`), since nothing in it answers yet. The words a reader came for paint as soon as
 * the HTML and CSS arrive, not after the JavaScript has loaded and run.
 */
function firstScreen(): Plugin {
  let base = '/';
  let aspect = '16 / 9';
  return {
    name: 'identity-atlas-first-screen',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'first-screen.js', source: firstScreenScript(aspect) });
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const server = await createServer({
          configFile: false,
          logLevel: 'error',
          plugins: [react()],
          server: { middlewareMode: true, hmr: false, ws: false },
          appType: 'custom',
        });
        try {
          const module = await server.ssrLoadModule('/src/app/first-screen.tsx');
          aspect = (module.firstScreenAspect as () => string)();
          // The CSP (style-src 'self') refuses style attributes parsed from HTML; React sets the same
          // styles through the CSSOM, which it allows, when it renders over the first screen.
          const markup = (await (module.renderFirstScreen as () => Promise<string>)()).replace(
            / style="[^"]*"/g,
            '',
          );
          return html
            .replace('</title>', `</title>\n    <script src="${base}first-screen.js"></script>`)
            .replace('<div id="root"></div>', `<div id="root" inert aria-hidden="true">${markup}</div>`);
        } finally {
          await server.close();
        }
      },
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
 * size limit), so after one visit the app opens with no network. The app registers it itself once it is
 * running and the page is idle (src/app/register-offline.ts): its precache downloads the whole build,
 * which must not compete with the first visit's own downloads. It updates itself when a new build is
 * deployed (autoUpdate: the new worker takes over at once).
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: false,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png}'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

const startChunk = startChunks();

export default defineConfig({
  base: BASE_PATH,
  plugins: [react(), firstScreen(), contentSecurityPolicy(), startChunk.plugin, offline],
  build: {
    target: 'es2022',
    // Every browser that runs es2022 modules knows <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: { polyfill: false, resolveDependencies: startChunk.resolveDependencies },
    // .vite/manifest.json: the bench (bench/bundle.ts) reads which chunks the app's start needs.
    manifest: true,
    sourcemap: true,
    outDir: OUT_DIR,
    rolldownOptions: { output: { codeSplitting: { groups: startChunk.groups } } },
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
