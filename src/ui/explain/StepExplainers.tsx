import type { DemoData, TraceEntry } from '../../player/create-player';
import type { WorldFacts } from '../../player/world-facts';
import type { Scenario, ScenarioStep } from '../../scenarios/types';
import { useAppStoreApi } from '../../store/hooks';
import { TokenBreaks } from '../common/TokenBreaks';
import { guestScopeDownServices } from './guest-scope-down';
import { RoleMappingView } from './RoleMappingView';
import { SamlAssertionView } from './SamlAssertionView';
import { useEngineExports } from './use-engine-module';

/**
 * The answers a newcomer looks for at a step, shown where the step is explained (the Narration tab):
 * how the pool chooses the role, why a SAML login ends in AssumeRoleWithWebIdentity, what is inside the
 * SAML response, and what a guest may reach instead when the scope-down blocks a service. Everything
 * shown comes from the engine: its state (world), its trace (entry) and its guest policies.
 */
interface Props {
  scenario: Scenario;
  step: ScenarioStep;
  entry: TraceEntry | undefined;
  demo: DemoData | undefined;
  world: WorldFacts | undefined;
}

const isSamlLogin = (entry: TraceEntry | undefined) =>
  Boolean(entry?.request?.body?.includes(':saml-provider/'));

function RoleChoice({ entry, demo, world }: Pick<Props, 'entry' | 'demo' | 'world'>) {
  const chosen = entry?.events.find((e) => e.kind === 'role.selection');
  return (
    <section className="explainer" aria-label="How the identity pool chooses the role">
      <h4>How the identity pool chooses the role</h4>
      {chosen ? (
        <p>
          The engine’s answer this time:{' '}
          <q>
            <TokenBreaks text={chosen.summary} />
          </q>
        </p>
      ) : null}
      <RoleMappingView world={world} poolId={demo?.identityPool.id} />
    </section>
  );
}

function SamlThroughPool() {
  return (
    <section className="explainer" aria-label="Why AssumeRoleWithWebIdentity for a SAML login">
      <h4>Why AssumeRoleWithWebIdentity for a SAML login?</h4>
      <p>
        In the enhanced flow the identity pool never hands your login to STS. Whatever the provider (user
        pool, Google, SAML), Cognito checks it, then mints an OpenID token of its own for the identity (issuer
        cognito-identity.amazonaws.com, aud = the pool id, amr authenticated) and calls
        AssumeRoleWithWebIdentity with that token. So the SAML role must also trust{' '}
        <code>cognito-identity.amazonaws.com</code> for this pool; the SAML assertion only decided who the
        person is and which role it may take (its Role attribute). AssumeRoleWithSAML is what you call
        yourself when you go to STS without an identity pool.
      </p>
    </section>
  );
}

function GuestInstead({ onBasicFlow }: { onBasicFlow: () => void }) {
  const engine = useEngineExports();
  const services = engine ? guestScopeDownServices(engine.cognitoGuestSessionPolicies()) : undefined;
  return (
    <section className="explainer" aria-label="What a guest can reach">
      <h4>What a guest can reach in the enhanced flow</h4>
      <p>
        Cognito adds scope-down session policies to every enhanced-flow guest session; a service outside them
        is refused whatever the guest role allows. These are the services they allow (read from the engine’s
        policies; “some actions” lists the only ones allowed):
      </p>
      {services ? (
        <ul className="explainer__services" aria-label="Services the guest session policy allows">
          {services.map((s) => (
            <li key={s.service}>
              <code>{s.service}</code>
              {s.actions === 'all' ? '' : ` (some actions: ${s.actions.join(', ')})`}
            </li>
          ))}
        </ul>
      ) : (
        <p>Loading the engine’s guest policies…</p>
      )}
      <p>
        The other way: the basic (classic) flow. There the app calls AssumeRoleWithWebIdentity itself with the
        Cognito OpenID token and Cognito adds no session policy, so the guest role’s own policy is the whole
        answer.{' '}
        <button type="button" className="link" onClick={onBasicFlow}>
          Play the basic flow for a guest
        </button>
      </p>
    </section>
  );
}

export function StepExplainers({ scenario, step, entry, demo, world }: Props) {
  const store = useAppStoreApi();
  const roleChoice = step.operation === 'GetCredentialsForIdentity';
  const samlThroughPool = roleChoice && (isSamlLogin(entry) || scenario.id === 'saml');
  const samlBytes =
    step.packet === 'samlAssertion' || step.returns === 'samlAssertion'
      ? entry?.held.samlResponse
      : undefined;
  const guestBlocked =
    (scenario.identity === 'guest' && roleChoice && !entry?.request?.body?.includes('"Logins"')) ||
    step.to === 'ssm';
  if (!roleChoice && !samlBytes && !guestBlocked) return null;
  return (
    <div className="explainers">
      {samlBytes ? <SamlAssertionView response={samlBytes} /> : null}
      {samlThroughPool ? <SamlThroughPool /> : null}
      {roleChoice ? <RoleChoice entry={entry} demo={demo} world={world} /> : null}
      {guestBlocked ? (
        <GuestInstead onBasicFlow={() => store.getState().openScenario('basic-flow-guest')} />
      ) : null}
    </div>
  );
}
