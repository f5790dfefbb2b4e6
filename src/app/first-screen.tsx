import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { DEFAULT_SCENARIO_ID, findScenario } from '../scenarios/catalog';
import { createAppStore } from '../store/app-store';
import { diagramAspect, drawingFrame } from '../ui/diagram/use-first-screen';
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

/**
 * The diagram's shape on the first screen (the default scenario, drawn left to right), which the app
 * sets from a layout effect and so is not in the HTML: index.html's head script hands it to the
 * stylesheet, so the empty canvas already has its final size and nothing below it moves when the app
 * takes over.
 */
export function firstScreenAspect(): string {
  const scenario = findScenario(DEFAULT_SCENARIO_ID);
  return scenario ? diagramAspect(drawingFrame(scenario, 'horizontal')) : '16 / 9';
}
