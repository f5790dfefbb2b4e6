import { memo, useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TraceEntry } from '../../player/create-player';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore, useAppStoreApi } from '../../store/hooks';

export function outcomeWords(entry: TraceEntry | undefined): string {
  if (!entry) return 'not run yet';
  switch (entry.outcome) {
    case 'success':
      return `${entry.response?.status ?? ''} OK`;
    case 'aws-error':
      return `${entry.response?.status ?? ''} ${awsErrorCode(entry) ?? 'error'}`;
    case 'network-error':
      return 'no answer (service not reachable)';
    case 'blocked':
      return 'not sent';
    case 'off-wire':
      return 'outside AWS';
    case 'failure':
      return 'failed in the app';
  }
}

export function awsErrorCode(entry: TraceEntry): string | undefined {
  const headers = entry.response?.headers ?? [];
  const header = headers.find(([n]) => n === 'x-amzn-errortype')?.[1];
  const body = entry.response?.body ?? '';
  try {
    const parsed = JSON.parse(body) as { __type?: string; error?: unknown };
    if (parsed.__type) return parsed.__type.split('#').pop()?.split(':')[0];
    // OAuth 2.0 endpoints answer {"error": "invalid_scope"} (RFC 6749 §5.2), not an AWS __type.
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    /* XML or text */
  }
  if (header) return header.split(':')[0];
  return /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
}

/** AWS's own error message from the answer (JSON `message`/`Message`, or XML `<Message>`), if any. */
export function awsErrorMessage(entry: TraceEntry): string | undefined {
  const body = entry.response?.body ?? '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown; Message?: unknown };
    const message = parsed.message ?? parsed.Message;
    if (typeof message === 'string' && message) return message;
  } catch {
    /* XML or text */
  }
  return /<Message>([^<]+)<\/Message>/.exec(body)?.[1];
}

interface StepRowProps {
  index: number;
  label: string;
  title: string;
  outcome: string;
  current: boolean;
  denied: boolean;
  busy: boolean;
  onSeek: (position: number) => void;
}

/** One row; memoised, so a seek renders only the rows whose outcome or highlight changed. */
const StepRow = memo(function StepRow({
  index,
  label,
  title,
  outcome,
  current,
  denied,
  busy,
  onSeek,
}: StepRowProps) {
  return (
    <li className={`${current ? 'is-current' : ''} ${denied ? 'is-denied' : ''}`}>
      <button
        type="button"
        // aria-disabled, not disabled: a disabled button would drop the reader's keyboard focus to the
        // page while the engine runs the step they chose.
        aria-disabled={busy}
        aria-current={current ? 'step' : undefined}
        onClick={() => {
          if (!busy) onSeek(index + 1);
        }}
      >
        <span className="step-list__label">{label}</span>
        <span className="step-list__title">{title}</span>
        <span className="step-list__outcome">{outcome}</span>
      </button>
    </li>
  );
});

/**
 * The steps of the scenario as a list the reader can jump around in. `titleOf` lets a Learn chapter
 * keep a title that would give its question's answer away off the list until the answer is shown.
 */
export function StepList({ titleOf }: { titleOf?: (index: number, title: string) => string } = {}) {
  const store = useAppStoreApi();
  const { scenarioId, entries, position, busy } = useAppStore(
    useShallow((s) => ({ scenarioId: s.scenarioId, entries: s.entries, position: s.position, busy: s.busy })),
  );
  const onSeek = useCallback((target: number) => void store.getState().seek(target), [store]);
  const scenario = findScenario(scenarioId);
  if (!scenario) return null;
  return (
    <ol className="step-list" aria-label="Steps">
      {scenario.steps.map((step, index) => {
        const entry = entries[index];
        return (
          <StepRow
            key={step.id}
            index={index}
            label={step.label}
            title={titleOf ? titleOf(index, step.title) : step.title}
            outcome={outcomeWords(entry)}
            current={index === position - 1}
            denied={!!entry && entry.outcome !== 'success' && entry.outcome !== 'off-wire'}
            busy={busy}
            onSeek={onSeek}
          />
        );
      })}
    </ol>
  );
}
