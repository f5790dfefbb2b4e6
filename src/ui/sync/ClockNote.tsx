import { SIMULATION_START } from '../../player/timeline';

/**
 * Says which clock the lab's dates come from, so the reader is never shown two clocks unexplained:
 * the labs' shared cloud runs on the reader's own clock, the Flows scenarios on a simulation clock.
 */
export function ClockNote({ clock }: { clock: { name: string } }) {
  const start = new Date(SIMULATION_START)
    .toISOString()
    .replace('T', ' ')
    .replace(/:00\.000Z$/, ' UTC');
  return (
    <p className="lab-clock-note">
      <strong>Clock:</strong> every time on this page (edits, syncs, credential expiry, request signatures)
      comes from this lab's simulated cloud, which runs on {clock.name}. The cloud is kept in your browser
      across visits and tabs, so it keeps real time. The Flows view is different: each scenario replays on a
      fresh cloud whose simulation clock starts at {start}.
    </p>
  );
}
