import { useEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/hooks';
import type { AppSyncLab } from '../../store/labs/appsync-lab';
import { CompareNote } from './CompareNote';
import { ConflictPanel } from './ConflictPanel';
import { DevicePanel } from './DevicePanel';
import { GuidedScenario } from './GuidedScenario';
import { ClockNote } from '../sync/ClockNote';
import { WireTimeline } from './WireTimeline';
import './appsync-view.css';

/**
 * The AppSync view: two users on their own devices sharing one list, live and offline-first. The
 * lab (the engine, the offline clients) belongs to the store, which loads it on first mount and keeps
 * it for the tab's life, so leaving and returning to the view keeps the devices as they were.
 */
export default function AppSyncView() {
  const [lab, setLab] = useState<AppSyncLab>();
  const [failure, setFailure] = useState<string>();
  const store = useAppStoreApi();
  // Every change inside the lab bumps this revision; selecting it re-renders the view (synchronously,
  // so a controlled checkbox, the offline switch, re-renders in its own event).
  useAppStore((s) => s.appSyncRevision);

  useEffect(() => {
    let live = true;
    store
      .getState()
      .openAppSyncLab()
      .then(
        (l) => live && setLab(l),
        (e: Error) => live && setFailure(`The AppSync lab could not start: ${e.message}`),
      );
    return () => {
      live = false;
    };
  }, [store]);

  if (failure) return <p role="alert">{failure}</p>;
  if (!lab) return <p>Starting the devices…</p>;
  return (
    <div className="as-view">
      <h2>AppSync: a list two people share, live and offline-first</h2>
      <p className="as-intro">
        Alice signs in to the user pool and sends her ID token; Carol signs in with Google, gets identity pool
        credentials and signs every request with SigV4 (<code>AWS_IAM</code>). Each device keeps the list and
        an outbox of pending mutations in its own IndexedDB database, replays the outbox in order when it is
        back online, and hears the other's changes over a real-time subscription.
      </p>
      <ClockNote clock={lab.clock} />
      <div className="as-devices">
        {lab.devices.map((d) => (
          <DevicePanel key={d.id} device={d} />
        ))}
      </div>
      <div className="as-columns">
        <ConflictPanel lab={lab} />
        <GuidedScenario lab={lab} />
      </div>
      <CompareNote openCognitoSync={() => store.getState().setView('sync')} />
      <WireTimeline entries={lab.wire.entries} />
      <p>
        <button
          type="button"
          onClick={() => {
            void lab.reset().then(() => location.reload());
          }}
        >
          Reset the AppSync lab
        </button>
      </p>
    </div>
  );
}
