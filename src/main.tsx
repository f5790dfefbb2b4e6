import { afterFirstContentfulPaint } from './app/after-first-paint';
// The stylesheets are the first page's (render-blocking, so the prerendered screen paints styled).
// React Flow's comes before ours: the diagram's code arrives later in its own chunk, and a stylesheet
// loaded with it would land after ours and override it.
import '@xyflow/react/dist/style.css';
import './app/styles.css';
// The explainers are on the first screen's inspector: their rules are in the first page's CSS too (a
// stylesheet arriving with the app's chunk would restyle the page once more after it is on screen).
import './ui/explain/explain.css';

/**
 * The page's entry, kept tiny: index.html already holds the first screen (prerendered at build time),
 * so the browser paints it first, and only then fetches and runs React and the app, which render the
 * same screen over it. Started before that paint, the app's scripts would hold the paint back.
 */
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A deep link (marked by first-screen.js, which also keeps the first screen hidden): that screen is
// not the link's, so it goes, and the app renders the link's own.
if (document.documentElement.classList.contains('deep-link')) root.replaceChildren();
// React first, then the app: each chunk is evaluated in a task of its own (one chunk of both was one
// long task on a phone). The first import preloads both chunks (build-plugins/start-chunks.ts).
void afterFirstContentfulPaint(root)
  .then(() => import('react-dom/client'))
  .then(() => import('./app/start'))
  .then(({ start }) => start(root));
