import { TokenBreaks } from '../common/TokenBreaks';
import type { WorldFacts } from '../../player/world-facts';
import type { IamManagedPolicy, TraceEvent } from '../../sim/index';
import { explainPolicy } from '../explain/policy-notes';
import { useEngineExports } from '../explain/use-engine-module';
import { asArray, asRecord, asText, eventsOfKind } from './trace-details';
import { WireText } from './WireText';

function Conditions({ conditions }: { conditions: unknown[] }) {
  if (conditions.length === 0) return null;
  return (
    <ul className="conditions">
      {conditions.map((c, i) => {
        const cond = asRecord(c) ?? {};
        const expected = asArray(cond.expected).map(String).join(', ');
        const actual =
          cond.actual === undefined ? '(key absent)' : asArray(cond.actual).map(String).join(', ');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; their order is fixed
          <li key={i} className={cond.matched ? 'matched' : 'unmatched'}>
            {cond.matched ? '✓' : '✗'} {asText(cond.operator)}{' '}
            <code>
              <TokenBreaks text={asText(cond.key) ?? ''} />
            </code>
            : expected <TokenBreaks text={expected || '—'} />; request has <TokenBreaks text={actual} />
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The engine's reason, with the names it quotes (a statement id, a policy name) in the code face: a
 * long one ("ExampleCorpThroughTheIdentityPool") fits the panel's line there, and an ARN wraps between
 * its parts.
 */
function Reason({ text }: { text: string }) {
  const parts = text.split(/"([^"]+)"/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
          <code key={i}>{part}</code>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
          <TokenBreaks key={i} text={part} />
        ),
      )}
    </>
  );
}

interface PolicySources {
  world: WorldFacts | undefined;
  awsManaged: Record<string, IamManagedPolicy> | undefined;
}

/** "What is this policy?": its kind, owner and statements, read from the scenario's world. */
function PolicyNote({ layer, name, sources }: { layer: string; name: string; sources: PolicySources }) {
  const note = explainPolicy(layer, name, sources.world, sources.awsManaged);
  if (!note) return null;
  return (
    <details className="policy-note">
      <summary>What is {name}?</summary>
      <p>{note.kind}</p>
      {note.description ? (
        <p>
          Its description: <q>{note.description}</q>
        </p>
      ) : null}
      {note.statements.length ? (
        <ul>
          {note.statements.map((line) => (
            <li key={line}>
              <code>
                <TokenBreaks text={line} />
              </code>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

function Decision({ event, sources }: { event: TraceEvent; sources: PolicySources }) {
  const detail = asRecord(event.detail) ?? {};
  const result = asRecord(detail.result) ?? detail;
  const request = asRecord(detail.request);
  const decision = asText(result.decision);
  const policies = asArray(result.policies);
  if (!decision) return <WireText>{JSON.stringify(event.detail, null, 2)}</WireText>;
  return (
    <article className="iam-decision">
      <h4>
        {/* The summary opens with the decision too ("Allow: …"); the badge says it once. */}
        <span className={`decision decision--${decision}`}>{decision}</span>{' '}
        {/* An ARN in it wraps between its parts on a narrow panel, instead of running past the edge. */}
        <TokenBreaks text={event.summary.replace(new RegExp(`^${decision}:?\\s*`, 'i'), '')} />
      </h4>
      {request ? (
        <p>
          Action <code>{asText(request.action)}</code> on{' '}
          <code>
            <TokenBreaks text={asText(request.resource) ?? ''} />
          </code>
        </p>
      ) : null}
      <p>
        <Reason text={asText(result.reason) ?? ''} />
      </p>
      {policies.map((p, i) => {
        const policy = asRecord(p) ?? {};
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: policies are listed in evaluation order
          <section key={i} className="policy">
            <h5>
              {asText(policy.layer)} policy: {asText(policy.name)} — <em>{asText(policy.outcome)}</em>
            </h5>
            <PolicyNote
              layer={asText(policy.layer) ?? ''}
              name={asText(policy.name) ?? ''}
              sources={sources}
            />
            <ol>
              {asArray(policy.statements).map((s, j) => {
                const st = asRecord(s) ?? {};
                const resolved = asArray(st.resolvedResources).map(String);
                const variables = asArray(st.variables).map((v) => asRecord(v) ?? {});
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: statements keep their document order
                  <li key={j} className={st.applies ? 'matched' : 'unmatched'}>
                    {st.applies ? '✓ applies' : '✗ does not apply'}: {asText(st.effect)}{' '}
                    {/* A statement id is one name, often long (ExampleCorpThroughTheIdentityPool): in the
                        code face it fits the panel's line where the text face ran past its edge. */}
                    {st.sid ? (
                      <>
                        (<code className="sid">{asText(st.sid)}</code>)
                      </>
                    ) : (
                      ''
                    )}{' '}
                    — action {st.actionMatched ? 'matched' : 'not matched'}, resource{' '}
                    {st.resourceMatched ? 'matched' : 'not matched'}
                    {st.principalMatched === undefined
                      ? ''
                      : `, principal ${st.principalMatched ? 'matched' : 'not matched'}`}
                    {resolved.length ? (
                      <div>
                        Resource after variables:{' '}
                        <code>
                          <TokenBreaks text={resolved.join(', ')} />
                        </code>
                      </div>
                    ) : null}
                    {variables.length ? (
                      <div className="policy-variables">
                        Policy variables:{' '}
                        {variables.map((v, k) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: variables keep their order in the statement
                          <span key={k}>
                            {k > 0 ? ', ' : ''}
                            <code>{asText(v.variable)}</code> ={' '}
                            <code>
                              <TokenBreaks text={asText(v.value) ?? ''} />
                            </code>
                          </span>
                        ))}
                      </div>
                    ) : null}
                    <Conditions conditions={asArray(st.conditions)} />
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </article>
  );
}

/** Every IAM evaluation the step caused, with policies, statements and substituted variables. */
export function IamPanel({
  events,
  world,
  noneBecause,
}: {
  events: TraceEvent[];
  world?: WorldFacts;
  /** Why nothing was evaluated, for the step that ran (no-iam-reason.ts). */
  noneBecause?: string;
}) {
  const engine = useEngineExports();
  const sources: PolicySources = { world, awsManaged: engine?.AWS_MANAGED_POLICIES };
  const decisions = eventsOfKind(events, 'iam.decision');
  if (decisions.length === 0)
    return <p>No IAM evaluation in this step. {noneBecause ?? 'Nothing was evaluated.'}</p>;
  return (
    <div className="iam-panel">
      {decisions.map((event, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: events are in emission order
        <Decision key={i} event={event} sources={sources} />
      ))}
    </div>
  );
}
