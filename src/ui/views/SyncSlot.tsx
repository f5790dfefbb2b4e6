import { lazy, Suspense } from 'react';

/**
 * The Cognito Sync and AppSync labs, each in its own chunk: the first page carries neither, and
 * opening one view does not load the other's client.
 */
const SyncView = lazy(() => import('../sync/SyncView'));
const AppSyncView = lazy(() => import('../appsync/AppSyncView'));

export default function SyncSlot({ which }: { which: 'sync' | 'appsync' }) {
  const View = which === 'sync' ? SyncView : AppSyncView;
  const name = which === 'sync' ? 'Cognito Sync' : 'AppSync';
  return (
    <section className="view" aria-label={name}>
      <Suspense fallback={<p>Loading the {name} view…</p>}>
        <View />
      </Suspense>
    </section>
  );
}
