import { useEffect, useRef, useState } from 'react';
import { DATASET, type LabDevice, type SyncLab } from '../../store/labs/sync-lab';
import type { SyncOutcome } from '../../sync/types';

/**
 * What a step saw on the devices: `undefined` when it did what its sentence says, otherwise why not.
 * The tick comes from this, never from the step having merely run: a sync can end without its changes.
 */
type Verdict = string | undefined;

/** A sync that did not finish, in the words of the device and the client's own outcome. */
function unsynced(device: LabDevice, outcome: SyncOutcome): Verdict {
  if (outcome.ok) return undefined;
  if (outcome.reason === 'conflict-aborted')
    return (
      `the ${device.name}'s conflict was left unresolved (the dialog was cancelled), ` +
      'so its change is still pending.'
    );
  return `the ${device.name} did not synchronize: ${outcome.error?.message ?? outcome.reason}.`;
}

const themeOf = async (device: LabDevice) =>
  (await device.client.records(DATASET)).find((r) => r.key === 'theme')?.value ?? null;

/** One step of the scenario: its sentence, and what it does on the real devices. */
interface Step {
  text: string;
  run(phone: LabDevice, laptop: LabDevice, lab: SyncLab): Promise<Verdict>;
}

/**
 * "Edit offline on the phone, edit the same key on the laptop, reconnect": each step runs on the real
 * devices.
 */
const STEPS: Step[] = [
  {
    text: 'Both devices sync, so they start from the same cloud state.',
    run: async (phone, laptop, lab) => {
      await phone.client.put(DATASET, 'theme', 'light');
      return unsynced(phone, await lab.synchronize(phone)) ?? unsynced(laptop, await lab.synchronize(laptop));
    },
  },
  {
    text: 'The phone goes offline and sets theme to "dark". The write lands in its IndexedDB at once and waits as a pending change.',
    run: async (phone) => {
      phone.network.setOnline(false);
      await phone.client.put(DATASET, 'theme', 'dark');
      return phone.client.getStatus().pending > 0 ? undefined : 'the phone has no pending change.';
    },
  },
  {
    text: 'The laptop, online, sets theme to "sepia" and synchronizes: UpdateRecords raises the record to a new sync count.',
    run: async (_phone, laptop, lab) => {
      await laptop.client.put(DATASET, 'theme', 'sepia');
      return unsynced(laptop, await lab.synchronize(laptop));
    },
  },
  {
    text: 'The phone reconnects and synchronizes: ListRecords brings the laptop\'s "sepia" for a key the phone changed too. That is a conflict: choose how to resolve it.',
    run: async (phone, _laptop, lab) => {
      phone.network.setOnline(true);
      const problem = unsynced(phone, await lab.synchronize(phone));
      // Cancelled: the step stays the current one, so running it again opens the dialog again.
      return problem && `${problem} Run step 4 again to choose.`;
    },
  },
  {
    text: 'The laptop synchronizes again and receives the value you chose.',
    run: async (phone, laptop, lab) => {
      const problem = unsynced(laptop, await lab.synchronize(laptop));
      if (problem) return problem;
      // "Receives the value you chose" is checked on both caches, not assumed from the sync's success:
      // the phone may still hold its change (another tab, an edit made meanwhile).
      const [mine, theirs] = [await themeOf(phone), await themeOf(laptop)];
      const pending = phone.client.getStatus().pending;
      if (mine === theirs && pending === 0) return undefined;
      return (
        `the laptop has theme “${theirs}” but the phone has “${mine}”` +
        `${pending ? ` with ${pending} change${pending === 1 ? '' : 's'} pending` : ''}: ` +
        'synchronize the phone, then run step 5 again.'
      );
    },
  },
];

/** One device as the step left it, read from its own cache: theme, pending changes, network. */
async function describeDevice(device: LabDevice): Promise<string> {
  const theme = (await device.client.records(DATASET)).find((r) => r.key === 'theme')?.value;
  const { pending } = device.client.getStatus();
  const name = device.name[0]?.toUpperCase() + device.name.slice(1);
  return (
    `${name}${device.network.isOnline() ? '' : ' (offline)'}: ` +
    `${theme == null ? 'no theme' : `theme “${theme}”`}, ` +
    `${pending === 0 ? 'nothing pending' : `${pending} change${pending === 1 ? '' : 's'} pending`}.`
  );
}

export function GuidedScenario({ lab }: { lab: SyncLab }) {
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  const runButton = useRef<HTMLButtonElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus was when the finished step started; null until a step the reader ran has finished. */
  const ranFrom = useRef<Element | null | undefined>(undefined);
  const phone = lab.devices.find((d) => d.name === 'phone');
  const laptop = lab.devices.find((d) => d.name === 'laptop');
  const finished = step >= STEPS.length;

  // Keeps the reader where they were: the same button, now "Run step N+1", or the result once the last
  // step is done. Focus that the reader moved elsewhere meanwhile stays there; focus that fell to the page
  // (the conflict dialog closing) comes back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each step, which changes `step`
  useEffect(() => {
    const from = ranFrom.current;
    if (from === undefined) return;
    ranFrom.current = undefined;
    const active = document.activeElement;
    if (active && active !== document.body && active !== from) return;
    (finished ? resultHeading.current : runButton.current)?.focus();
  }, [step]);

  const next = async () => {
    const current = STEPS[step];
    if (!phone || !laptop || !current || busy) return;
    const from = document.activeElement;
    setBusy(true);
    try {
      const problem = await current.run(phone, laptop, lab);
      const devices = `${await describeDevice(phone)} ${await describeDevice(laptop)}`;
      if (problem) {
        // Not ticked: the step stays current, and the reader is told what the devices show instead.
        setResult(`Step ${step + 1} is not done: ${problem} ${devices}`);
        return;
      }
      setResult(
        step + 1 === STEPS.length
          ? `All ${STEPS.length} steps done. ${devices}`
          : `Step ${step + 1} of ${STEPS.length} done. ${devices}`,
      );
      ranFrom.current = from;
      setStep(step + 1);
    } catch (error) {
      setResult(`Step ${step + 1} did not finish: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    setResult('');
    setStep(0);
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
      {finished && (
        <h4 ref={resultHeading} tabIndex={-1}>
          Result
        </h4>
      )}
      {/* Mounted from the start, so screen readers announce each step's result when it changes. */}
      <p role="status">{result}</p>
      {!phone || !laptop ? (
        <p>The scenario needs the phone and the laptop.</p>
      ) : !finished ? (
        <button
          ref={runButton}
          type="button"
          onClick={next}
          // aria-disabled, not disabled: a disabled button drops keyboard focus to the page while the
          // step runs, and the conflict dialog would then have nowhere to return it.
          aria-disabled={busy}
        >
          Run step {step + 1}
        </button>
      ) : (
        <button type="button" onClick={restart}>
          Start the scenario again
        </button>
      )}
    </section>
  );
}
