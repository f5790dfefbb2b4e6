import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConflictResolution, SyncConflict } from '../../sync/types';
import { ConflictDialog, type PendingConflict } from './ConflictDialog';
import { DevicePanel } from './DevicePanel';
import { GuidedScenario } from './GuidedScenario';
import { createSyncLab, DEVICE_NAMES, type LabDevice, type SyncLab } from './sync-lab';
import { WireTimeline } from './WireTimeline';
import './sync-view.css';

/**
 * The Cognito Sync view: side-by-side devices over one simulated cloud, a wire timeline and the
 * conflict dialog. Self-contained (it keeps its own cloud in IndexedDB), so it mounts with no props.
 */
export function SyncView() {
  const [lab, setLab] = useState<SyncLab>();
  const [failure, setFailure] = useState<string>();
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState<PendingConflict>();
  const started = useRef(false);

  const ask = useCallback(
    (device: string, conflicts: SyncConflict[]) =>
      new Promise<ConflictResolution[] | false>((resolve) => {
        setPending({
          device,
          conflicts,
          answer: (resolutions) => {
            setPending(undefined);
            resolve(resolutions);
          },
        });
      }),
    [],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    createSyncLab(() => setVersion((v) => v + 1), ask).then(setLab, (e: Error) =>
      setFailure(`The sync lab could not start: ${e.message}`),
    );
  }, [ask]);

  if (failure) return <p role="alert">{failure}</p>;
  if (!lab) return <p>Starting the devices…</p>;
  const sync = (device: LabDevice) => void lab.synchronize(device);
  return (
    <div className="sync-view">
      <h2>Cognito Sync: an offline cache on every device</h2>
      <p>
        Each device keeps its data in its own IndexedDB database and works offline. Synchronize pulls the
        changes since the device's last sync count (ListRecords), resolves conflicts, and pushes local changes
        (UpdateRecords) signed with the identity's credentials. Cognito Sync is closed to new customers; AWS
        points to AppSync instead.
      </p>
      <div className="sync-devices">
        {lab.devices.map((d) => (
          <DevicePanel key={d.name} device={d} onSync={sync} version={version} />
        ))}
      </div>
      {lab.devices.length < DEVICE_NAMES.length && (
        <button type="button" onClick={() => lab.addDevice()}>
          Add a device
        </button>
      )}
      <GuidedScenario lab={lab} />
      <WireTimeline entries={lab.timeline} />
      {pending && <ConflictDialog pending={pending} />}
    </div>
  );
}

export default SyncView;
