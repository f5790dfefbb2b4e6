import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A slot for views other engineers build (Cognito Sync in src/ui/sync, AppSync). Found with
 * `import.meta.glob` so the app builds before they exist; each must default-export a component.
 */
const syncViews = import.meta.glob<{ default: ComponentType }>(['../sync/*View.tsx']);
const appSyncViews = import.meta.glob<{ default: ComponentType }>(['../appsync/*View.tsx']);

function pick(views: Record<string, () => Promise<{ default: ComponentType }>>) {
  const load = Object.values(views)[0];
  return load ? lazy(load) : undefined;
}

const SyncView = pick(syncViews);
const AppSyncView = pick(appSyncViews);

export default function SyncSlot({ which }: { which: 'sync' | 'appsync' }) {
  const View = which === 'sync' ? SyncView : AppSyncView;
  const name = which === 'sync' ? 'Cognito Sync' : 'AppSync';
  return (
    <section className="view" aria-label={name}>
      {View ? (
        <Suspense fallback={<p>Loading the {name} view…</p>}>
          <View />
        </Suspense>
      ) : (
        <p>
          The {name} view is being built by another engineer and is not in this build yet. When it lands in{' '}
          <code>src/ui/{which}/</code> it appears here.
        </p>
      )}
    </section>
  );
}
