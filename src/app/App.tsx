import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { createCloudLazily } from '../engine-loader/cloud-factory';
import { type AppStore, createAppStore } from '../store/app-store';
import { AppStoreProvider, useAppStore } from '../store/hooks';
import { parseUrlState } from '../store/url-state';
import { ErrorBoundary } from '../ui/common/ErrorBoundary';
import { Splitter } from '../ui/common/Splitter';
import { FlowDiagram } from '../ui/diagram/FlowDiagram';
import { Inspector } from '../ui/inspector/Inspector';
import { IdentitySwitch } from '../ui/player/IdentitySwitch';
import { Narration } from '../ui/player/Narration';
import { PlayerControls } from '../ui/player/PlayerControls';
import { ScenarioPicker } from '../ui/player/ScenarioPicker';
import { StepList } from '../ui/player/StepList';
import { Transcript } from '../ui/player/Transcript';
import { Header } from './Header';
import { useUrlSync } from './use-url-sync';

const StsGallery = lazy(() => import('../ui/views/StsGallery'));
const SignOutTable = lazy(() => import('../ui/views/SignOutTable'));
const SyncSlot = lazy(() => import('../ui/views/SyncSlot'));
const SignUpView = lazy(() => import('../ui/views/SignUpView'));
// The stack view and its YAML parser load only when the reader opens it.
const StackView = lazy(() => import('../ui/stack/StackView'));
// The Learn path (chapters, prompts, progress) loads only when the reader opens it.
const LearnView = lazy(() => import('../ui/learn/LearnView'));

function FlowView() {
  const layout = useRef<HTMLDivElement>(null);
  return (
    <div className="flow-layout" ref={layout}>
      <div className="flow-main">
        <ErrorBoundary region="player">
          <div className="player-bar">
            <IdentitySwitch />
            <ScenarioPicker />
          </div>
          <PlayerControls />
          <Narration />
        </ErrorBoundary>
        <ErrorBoundary region="diagram">
          <FlowDiagram />
        </ErrorBoundary>
        <ErrorBoundary region="step list">
          <StepList />
          <Transcript />
        </ErrorBoundary>
      </div>
      <Splitter layout={layout} />
      <ErrorBoundary region="inspector">
        <Inspector />
      </ErrorBoundary>
    </div>
  );
}

function Views() {
  const view = useAppStore((s) => s.view);
  const error = useAppStore((s) => s.playerError);
  return (
    <main id="main">
      {error ? (
        <div role="alert" className="region-error cloud-error">
          <p>The simulated cloud could not start: {error}</p>
          {/* The browser keeps a module that failed to load as failed for the page's life: only a reload
              fetches the engine again. The position is in the URL, so the reader comes back to it. */}
          <button type="button" onClick={() => window.location.reload()}>
            Reload and try again
          </button>
        </div>
      ) : null}
      {view === 'flow' ? <FlowView /> : null}
      <Suspense fallback={<p className="view">Loading…</p>}>
        {view === 'sts' ? (
          <ErrorBoundary region="STS gallery">
            <StsGallery />
          </ErrorBoundary>
        ) : null}
        {view === 'sign-out' ? (
          <ErrorBoundary region="sign-out table">
            <SignOutTable />
          </ErrorBoundary>
        ) : null}
        {view === 'sync' || view === 'appsync' ? (
          <ErrorBoundary region={view}>
            <SyncSlot which={view} />
          </ErrorBoundary>
        ) : null}
        {view === 'signup' ? (
          <ErrorBoundary region="sign-up view">
            <SignUpView />
          </ErrorBoundary>
        ) : null}
        {view === 'learn' ? (
          <ErrorBoundary region="Learn view">
            <LearnView />
          </ErrorBoundary>
        ) : null}
        {view === 'stack' ? (
          <ErrorBoundary region="stack view">
            <StackView />
          </ErrorBoundary>
        ) : null}
      </Suspense>
    </main>
  );
}

function UrlSync() {
  useUrlSync();
  return null;
}

/**
 * The whole app. `store` is given only by the build's prerender of the first screen (first-screen.tsx);
 * in the browser the store (and the cloud it creates lazily) starts here, once, and the page paints
 * before the engine loads.
 */
export function App({ store: given }: { store?: AppStore } = {}) {
  const [store] = useState(
    () =>
      given ??
      createAppStore({
        createCloud: createCloudLazily,
        initial: parseUrlState(typeof location === 'undefined' ? '' : location.search),
      }),
  );
  // The prerendered first screen (index.html) is inert and hidden from assistive technology until the
  // app has hydrated it (or, for a deep link, rendered its own screen).
  useLayoutEffect(() => {
    const root = document.getElementById('root');
    root?.removeAttribute('inert');
    root?.removeAttribute('aria-hidden');
  }, []);
  return (
    <AppStoreProvider store={store}>
      <UrlSync />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <Views />
    </AppStoreProvider>
  );
}
