import type { TraceEvent } from '../../sim/index';
import type { Finding, ImportedStack } from '../../stack/index';
import { IamPanel } from '../inspector/IamPanel';

/** What is not simulated, each with its place in the template: nothing is dropped in silence. */
export function UnsupportedPanel({ items }: { items: ImportedStack['unsupported'] }) {
  return (
    <section className="stack-panel" aria-labelledby="stack-unsupported">
      <h3 id="stack-unsupported">Not simulated ({items.length})</h3>
      {items.length === 0 ? (
        <p>Everything in the template is simulated.</p>
      ) : (
        <ul className="stack-gaps">
          {items.map((u) => (
            <li key={`${u.path}|${u.what}`}>
              <code>{u.path}</code> {u.what}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function FindingsPanel({ findings, onProof }: { findings: Finding[]; onProof(f: Finding): void }) {
  return (
    <section className="stack-panel" aria-labelledby="stack-findings">
      <h3 id="stack-findings">Findings ({findings.length})</h3>
      {findings.length === 0 ? <p>Nothing a reviewer would flag among the checks made.</p> : null}
      <ul className="stack-findings">
        {findings.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings of one import keep their order
          <li key={i} className={`finding finding--${f.severity}`}>
            <p>
              <span className="severity">{f.severity}</span> <code>{f.code}</code> at <code>{f.path}</code>
            </p>
            <p>{f.message}</p>
            <p>
              <a href={f.docs} target="_blank" rel="noreferrer">
                AWS documentation
              </a>
              {f.proof ? (
                <>
                  {' · '}
                  <button type="button" className="link-button" onClick={() => onProof(f)}>
                    Show the engine’s proof
                  </button>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One evaluation shown with the inspector's own IAM panel. */
export function TracePanel({
  title,
  trace,
  depends,
}: {
  title: string;
  trace: { request: { action: string; resource: string }; result: unknown };
  /** Set for a "Depends" cell: the matrix's reason, shown before the one case the trace evaluates. */
  depends?: string;
}) {
  const event: TraceEvent = {
    requestId: 'stack-matrix',
    service: 'iam',
    kind: 'iam.decision',
    summary: title,
    detail: {
      request: { action: trace.request.action, resource: trace.request.resource },
      result: trace.result,
    },
    at: 0,
  };
  return (
    <section className="stack-panel stack-trace" aria-labelledby="stack-trace">
      <h3 id="stack-trace">IAM trace</h3>
      {depends ? (
        <p className="trace-depends">
          <strong>Not certain:</strong> {depends.replace(/\.$/, '')}. Below: the request as the matrix assumed
          it (over HTTPS, no source IP, VPC endpoint or request tags), which is one case of it.
        </p>
      ) : null}
      <IamPanel events={[event]} />
    </section>
  );
}

export function ParametersForm({
  needs,
  values,
  onChange,
  onApply,
}: {
  needs: ImportedStack['needs'];
  values: Record<string, string>;
  onChange(values: Record<string, string>): void;
  onApply(): void;
}) {
  if (needs.length === 0) return null;
  return (
    <section className="stack-panel" aria-labelledby="stack-parameters">
      <h3 id="stack-parameters">Parameters without a value</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onApply();
        }}
      >
        {needs.map((n) => (
          <label key={n.name} className="stack-field">
            <span>
              {n.name}
              {n.description ? <small> — {n.description}</small> : null}
            </span>
            <input
              value={Object.hasOwn(values, n.name) ? values[n.name] : ''}
              onChange={(e) => onChange({ ...values, [n.name]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit">Import with these values</button>
      </form>
    </section>
  );
}
