import { useEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/hooks';
import { DEVICE_NAMES, type LabDevice, type SyncLab } from '../../store/labs/sync-lab';
import { ClockNote } from './ClockNote';
import { ConflictDialog } from './ConflictDialog';
import { DevicePanel } from './DevicePanel';
import { GuidedScenario } from './GuidedScenario';
import { WireTimeline } from './WireTimeline';
import './sync-view.css';

/**
 * The Cognito Sync view: side-by-side devices over one simulated cloud, a wire timeline and the
 * conflict dialog. The lab itself (cloud, devices, clients) belongs to the store; this view renders it
 * and passes the reader's choices back.
 */
export function SyncView() {
  const [lab, setLab] = useState<SyncLab>();
  const [failure, setFailure] = useState<string>();
  const store = useAppStoreApi();
  const version = useAppStore((s) => s.syncRevision);
  const conflict = useAppStore((s) => s.syncConflict);

  useEffect(() => {
    let live = true;
    store
      .getState()
      .openSyncLab()
      .then(
        (l) => live && setLab(l),
        (e: Error) => live && setFailure(`The sync lab could not start: ${e.message}`),
      );
    return () => {
      live = false;
    };
  }, [store]);

  if (failure) return <p role="alert">{failure}</p>;
  if (!lab) return <p>Starting the devices…</p>;
  const sync = (device: LabDevice) => void lab.synchronize(device);
  const full = lab.devices.length >= DEVICE_NAMES.length;
  return (
    <div className="sync-view">
      <h2>Cognito Sync: an offline cache on every device</h2>
      <p>
        Each device keeps its data in its own IndexedDB database and works offline. Synchronize pulls the
        changes since the device's last sync count (ListRecords), resolves conflicts, and pushes local changes
        (UpdateRecords) signed with the identity's credentials. Cognito Sync is closed to new customers; AWS
        points to AppSync instead.
      </p>
      <ClockNote clock={lab.clock} />
      <div className="sync-devices">
        {lab.devices.map((d) => (
          <DevicePanel key={d.name} device={d} onSync={sync} version={version} />
        ))}
      </div>
      {/* Stays once all four are there, aria-disabled and saying why: a button removed (or disabled) under
          the keyboard reader who just pressed it drops their focus to the top of the page. */}
      <button
        type="button"
        onClick={() => {
          if (!full) lab.addDevice();
        }}
        aria-disabled={full}
        aria-describedby={full ? 'sync-devices-full' : undefined}
      >
        Add a device
      </button>
      {full && (
        <p id="sync-devices-full" className="sync-note">
          All four devices are on the page: the lab has no fifth.
        </p>
      )}
      <GuidedScenario lab={lab} />
      <WireTimeline entries={lab.timeline} />
      {conflict && (
        <ConflictDialog pending={{ ...conflict, answer: (a) => store.getState().answerSyncConflict(a) }} />
      )}
    </div>
  );
}

export default SyncView;
