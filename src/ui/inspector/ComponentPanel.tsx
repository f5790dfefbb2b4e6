import { Fragment } from 'react';
import type { DemoData, TraceEntry } from '../../player/create-player';
import type { WorldFacts } from '../../player/world-facts';
import { TokenBreaks } from '../common/TokenBreaks';
import { RoleMappingView } from '../explain/RoleMappingView';
import type { ActorId, Scenario } from '../../scenarios/types';
import { useAppStoreApi } from '../../store/hooks';
import { actorLook } from '../diagram/actors';
import { outcomeWords } from '../player/StepList';
import { componentFacts } from './component-facts';

interface Props {
  actor: ActorId | undefined;
  scenario: Scenario | undefined;
  demo: DemoData | undefined;
  world?: WorldFacts;
  entries: TraceEntry[];
}

/** A diagram box explained: what it is, what it holds in this scenario, which steps touch it. */
export function ComponentPanel({ actor, scenario, demo, world, entries }: Props) {
  const store = useAppStoreApi();
  // A box chosen in another scenario that this one does not draw (the identity pool, then
  // GetSessionToken): its facts here would describe a component the scenario never uses.
  const drawn =
    !!actor &&
    !!scenario &&
    (scenario.actors.includes(actor) ||
      scenario.steps.some((s) => s.from === actor || s.to === actor || !!s.via?.includes(actor)));
  if (!actor || !scenario || !drawn) {
    return <p>Click a box in the diagram (or focus it and press Enter) to see what that component is.</p>;
  }
  const facts = componentFacts(actor, scenario, demo, entries);
  const look = actorLook(actor, scenario);
  return (
    <div className="component-panel">
      <h3>
        {look.label} <span className="muted">· {look.kind}</span>
      </h3>
      <p>{facts.what}</p>
      <h4>What it holds in this scenario</h4>
      {facts.holds.length ? (
        <dl className="kv">
          {/* dt and dd are the grid's cells (a wrapping div per pair made each pair one cell). */}
          {facts.holds.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>
                {/* An id or an ARN wraps between its parts (after ':' and '/'), never inside a name: cut off
                    in a sideways scroller, two role ARNs read the same ("…role/Atlas"). */}
                <code className="token-wrap">
                  <TokenBreaks text={value} />
                </code>
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p>Nothing of its own in this scenario.</p>
      )}
      {actor === 'identityPool' ? (
        <>
          <h4>How it chooses a role</h4>
          <RoleMappingView
            world={world}
            poolId={
              scenario.steps.some((s) => s.operation === 'GetOpenIdToken')
                ? demo?.classicIdentityPool.id
                : demo?.identityPool.id
            }
          />
        </>
      ) : null}
      <p className="hint">
        Every scenario runs in a fresh copy of the same demo account (the same pools, users and roles), and
        each draws its own identity ids and access keys: different people in different scenarios never share
        one. Replaying a scenario gives the same values again, so a link reproduces them.
      </p>
      <h4>Steps that touch it</h4>
      {facts.steps.length ? (
        <ul className="component-steps">
          {facts.steps.map((s) => (
            <li key={s.index}>
              <button type="button" className="link" onClick={() => void store.getState().seek(s.index + 1)}>
                {s.label} {s.title}
              </button>{' '}
              ({s.role}; {outcomeWords(entries[s.index])})
            </li>
          ))}
        </ul>
      ) : (
        <p>No step of this scenario uses it: it is drawn dimmed.</p>
      )}
    </div>
  );
}
