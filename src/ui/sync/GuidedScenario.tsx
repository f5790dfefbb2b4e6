import { useState } from 'react';
import { DATASET, type LabDevice, type SyncLab } from '../../store/labs/sync-lab';

/** "Edit offline on the phone, edit the same key on the laptop, reconnect": each step runs on the real devices. */
const STEPS: { text: string; run(phone: LabDevice, laptop: LabDevice, lab: SyncLab): Promise<unknown> }[] = [
  {
    text: 'Both devices sync, so they start from the same cloud state.',
    run: async (phone, laptop, lab) => {
      await phone.client.put(DATASET, 'theme', 'light');
      await lab.synchronize(phone);
      await lab.synchronize(laptop);
    },
  },
  {
    text: 'The phone goes offline and sets theme to "dark". The write lands in its IndexedDB at once and waits as a pending change.',
    run: async (phone) => {
      phone.network.setOnline(false);
      await phone.client.put(DATASET, 'theme', 'dark');
    },
  },
  {
    text: 'The laptop, online, sets theme to "sepia" and synchronizes: UpdateRecords raises the record to a new sync count.',
    run: async (_phone, laptop, lab) => {
      await laptop.client.put(DATASET, 'theme', 'sepia');
      await lab.synchronize(laptop);
    },
  },
  {
    text: 'The phone reconnects and synchronizes: ListRecords brings the laptop\'s "sepia" for a key the phone changed too. That is a conflict: choose how to resolve it.',
    run: async (phone, _laptop, lab) => {
      phone.network.setOnline(true);
      await lab.synchronize(phone);
    },
  },
  {
    text: 'The laptop synchronizes again and receives the value you chose.',
    run: async (_phone, laptop, lab) => lab.synchronize(laptop),
  },
];

export function GuidedScenario({ lab }: { lab: SyncLab }) {
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const phone = lab.devices.find((d) => d.name === 'phone');
  const laptop = lab.devices.find((d) => d.name === 'laptop');
  const next = async () => {
    const current = STEPS[step];
    if (!phone || !laptop || !current) return;
    setBusy(true);
    try {
      await current.run(phone, laptop, lab);
      setStep(step + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label="Guided scenario">
      <h3>Guided scenario: offline edits on two devices</h3>
      <ol>
        {STEPS.map((s, i) => (
          <li key={s.text} aria-current={i === step ? 'step' : undefined}>
            {i < step ? '✓ ' : ''}
            {s.text}
          </li>
        ))}
      </ol>
      {!phone || !laptop ? (
        <p>The scenario needs the phone and the laptop.</p>
      ) : step < STEPS.length ? (
        <button type="button" onClick={next} disabled={busy}>
          Run step {step + 1}
        </button>
      ) : (
        <button type="button" onClick={() => setStep(0)}>
          Start the scenario again
        </button>
      )}
    </section>
  );
}
